/** Types for `svg-to-pdfkit` 0.1.8, which publishes none (source.js, README). */
declare module 'svg-to-pdfkit' {
  /** Options of SVGtoPDF (svg-to-pdfkit 0.1.8, README "Parameters"). */
  interface SVGtoPDFOptions {
    width?: number;
    height?: number;
    assumePt?: boolean;
    precision?: number;
    fontCallback?: (
      family: string,
      bold: boolean,
      italic: boolean,
      fontOptions: { fauxItalic: boolean; fauxBold: boolean },
    ) => string;
    warningCallback?: (message: string) => void;
  }
  /** Draws the SVG markup `svg` into `doc` with its top-left corner at (`x`, `y`). */
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: SVGtoPDFOptions,
  ): void;
}
