/**
 * Writing Thrift's Compact Protocol (Apache Thrift, "Thrift Compact protocol encoding"), the
 * encoding of Parquet's page headers and file metadata, into a growing byte buffer. Field
 * headers, zigzag varints, lists and structs are written as hyparquet-writer 0.17's
 * `serializeTCompactProtocol` writes them (parquetFile.ts relies on it): a field's header is
 * one byte `delta << 4 | type` when the field id is at most 15 above the previous one, a
 * boolean field's value is its header's type (1 true, 2 false), a list's header is one byte
 * `size << 4 | element type` up to 14 elements (an empty list's element type 0), and a struct
 * ends with a stop byte 0.
 * @module
 */
import { writeUtf8At } from './utf8.ts';

/** Compact Protocol types (Thrift, "Compact protocol": the 4-bit type ids). */
export const TYPE = { TRUE: 1, FALSE: 2, I32: 5, I64: 6, BINARY: 8, LIST: 9, STRUCT: 12 } as const;

/**
 * A byte buffer that grows as bytes are appended (at least doubling), with `offset` the
 * number written. It has the methods of hyparquet-writer's `Writer` that its
 * `writeRleBitPackedHybrid` calls (`offset`, `appendUint8`, `appendVarInt`), so level runs
 * and dictionary keys are written straight into it.
 */
export class ByteSink {
  bytes: Uint8Array;
  private view: DataView;
  offset = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Makes room for `size` more bytes. */
  ensure(size: number) {
    if (this.offset + size <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.offset + size));
    grown.set(this.bytes.subarray(0, this.offset));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  /** The bytes written so far (a view, valid until the next append or `reset`). */
  getBytes(): Uint8Array {
    return this.bytes.subarray(0, this.offset);
  }

  /** Forgets what was written, keeping the buffer. */
  reset() {
    this.offset = 0;
  }

  appendUint8(value: number) {
    this.ensure(1);
    this.bytes[this.offset++] = value;
  }

  /** A 32-bit unsigned integer, little-endian. */
  appendUint32(value: number) {
    this.ensure(4);
    const b = this.bytes;
    const at = this.offset;
    b[at] = value;
    b[at + 1] = value >>> 8;
    b[at + 2] = value >>> 16;
    b[at + 3] = value >>> 24;
    this.offset = at + 4;
  }

  /** A 32-bit signed integer, little-endian. */
  appendInt32(value: number) {
    this.ensure(4);
    this.view.setInt32(this.offset, value, true);
    this.offset += 4;
  }

  /** A double, little-endian IEEE 754 (its sign kept, -0 too). */
  appendFloat64(value: number) {
    this.ensure(8);
    this.view.setFloat64(this.offset, value, true);
    this.offset += 8;
  }

  appendBytes(value: Uint8Array) {
    this.ensure(value.length);
    this.bytes.set(value, this.offset);
    this.offset += value.length;
  }

  /** An unsigned varint (ULEB128) of the low 32 bits of `value`, as hyparquet-writer's. */
  appendVarInt(value: number) {
    this.ensure(5);
    let v = value >>> 0;
    while (v > 0x7f) {
      this.bytes[this.offset++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.offset++] = v;
  }

  /** An unsigned varint of a non-negative safe integer (beyond 32 bits). */
  appendVarLong(value: number) {
    this.ensure(8);
    let v = value;
    while (v > 0x7f) {
      this.bytes[this.offset++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.bytes[this.offset++] = v;
  }

  /** Writes `value` at byte `at` (already written), a 32-bit unsigned integer, little-endian. */
  setUint32(at: number, value: number) {
    const end = this.offset;
    this.offset = at;
    this.appendUint32(value);
    this.offset = end;
  }

  /** A string's UTF-8 bytes (see {@link writeUtf8At}). */
  appendUtf8(value: string) {
    this.ensure(3 * value.length);
    this.offset = writeUtf8At(value, this.bytes, this.offset);
  }

  /** A string's UTF-8 bytes after their number as a varint (Thrift's binary). */
  appendString(value: string) {
    this.appendVarInt(Buffer.byteLength(value, 'utf8'));
    this.appendUtf8(value);
  }
}

/**
 * How deep a {@link CompactWriter}'s structs may nest (a run file's metadata nests 5 deep:
 * FileMetaData, RowGroup, ColumnChunk, ColumnMetaData, Statistics).
 */
const DEPTH = 8;

/**
 * A Compact Protocol writer over a {@link ByteSink}: fields by id within nested structs, the
 * previous field id of each open struct kept on a stack.
 */
export class CompactWriter {
  private readonly last = new Int32Array(DEPTH);
  private depth = 0;

  constructor(readonly sink: ByteSink) {}

  /** A field's header: its id as a delta from the previous field's, or in full (zigzag). */
  private field(id: number, type: number) {
    const delta = id - this.last[this.depth]!;
    if (delta > 0 && delta <= 15) {
      this.sink.appendUint8((delta << 4) | type);
    } else {
      this.sink.appendUint8(type);
      this.sink.appendVarInt((id << 1) ^ (id >> 31));
    }
    this.last[this.depth] = id;
  }

  /** Opens a struct that is a list's element (the message itself, too). */
  begin() {
    this.last[++this.depth] = 0;
  }

  /** Closes the innermost struct with its stop byte. */
  end() {
    this.sink.appendUint8(0);
    this.depth--;
  }

  /** Opens a struct field. */
  struct(id: number) {
    this.field(id, TYPE.STRUCT);
    this.begin();
  }

  /** A struct field with no fields set (e.g. Parquet's `StringType`). */
  emptyStruct(id: number) {
    this.struct(id);
    this.end();
  }

  /** An i32 field (zigzag varint). */
  i32(id: number, value: number) {
    this.field(id, TYPE.I32);
    this.sink.appendVarInt((value << 1) ^ (value >> 31));
  }

  /** An i64 field (zigzag varint) of a non-negative safe integer (sizes, offsets, counts). */
  i64(id: number, value: number) {
    this.field(id, TYPE.I64);
    this.sink.appendVarLong(2 * value);
  }

  /** A boolean field: its value is its header's type. */
  bool(id: number, value: boolean) {
    this.field(id, value ? TYPE.TRUE : TYPE.FALSE);
  }

  /** A binary field of a string's UTF-8 bytes. */
  string(id: number, value: string) {
    this.field(id, TYPE.BINARY);
    this.sink.appendString(value);
  }

  /** A binary field of bytes. */
  binary(id: number, value: Uint8Array) {
    this.binaryHeader(id, value.length);
    this.sink.appendBytes(value);
  }

  /** A binary field's header and length; its `length` bytes are the sink's to append. */
  binaryHeader(id: number, length: number) {
    this.field(id, TYPE.BINARY);
    this.sink.appendVarInt(length);
  }

  /**
   * A list field's header; its `size` elements follow (`listI32`, `listString`, or `begin` ...
   * `end` for each struct). An empty list's element type is 0, as hyparquet-writer infers it.
   */
  list(id: number, elementType: number, size: number) {
    this.field(id, TYPE.LIST);
    const type = size === 0 ? 0 : elementType;
    if (size > 14) {
      this.sink.appendUint8(0xf0 | type);
      this.sink.appendVarInt(size);
    } else {
      this.sink.appendUint8((size << 4) | type);
    }
  }

  /** A list field of i32 values. */
  listI32(id: number, values: readonly number[]) {
    this.list(id, TYPE.I32, values.length);
    for (const v of values) this.sink.appendVarInt((v << 1) ^ (v >> 31));
  }

  /** A list field of strings. */
  listString(id: number, values: readonly string[]) {
    this.list(id, TYPE.BINARY, values.length);
    for (const v of values) this.sink.appendString(v);
  }
}
