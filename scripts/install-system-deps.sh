#!/usr/bin/env bash
# Debian packages the project needs beyond Node, installed where this runs as root with apt
# (`.ci/run` runs it first). Where it cannot install, it says which tests will be
# skipped and how to enable them, and exits 0. To add a package, add one line to PACKAGES:
#   "<Debian package> <command or file it provides> <what needs it>"
set -u
PACKAGES=(
  "chromium chromium the report's browser test"
  "munge munged the SLURM cluster test (tests/cli/slurm.test.ts)"
  "slurmctld slurmctld the SLURM cluster test (tests/cli/slurm.test.ts)"
  "slurmd slurmd the SLURM cluster test (tests/cli/slurm.test.ts)"
  "slurm-client sbatch the SLURM cluster test (tests/cli/slurm.test.ts)"
  "r-base-core Rscript the R reader test (tests/results/clients.test.ts)"
  "python3-pandas /usr/lib/python3/dist-packages/pandas the pandas reader test (tests/results/clients.test.ts)"
)

missing=()
for line in "${PACKAGES[@]}"; do
  read -r package program _ <<<"$line"
  command -v "$program" >/dev/null 2>&1 || [ -e "$program" ] || missing+=("$line")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

report() {
  for line in "${missing[@]}"; do
    read -r package program purpose <<<"$line"
    command -v "$program" >/dev/null 2>&1 || [ -e "$program" ] ||
      echo "twolevel: $program not found; $purpose will be skipped ($1 Debian's '$package' to enable it)." >&2
  done
}

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  report install
  exit 0
fi
names=()
for line in "${missing[@]}"; do
  read -r package _ <<<"$line"
  names+=("$package")
done
# Another install holding the dpkg lock is waited for (up to 5 minutes), not failed on.
apt-get update -qq >/dev/null 2>&1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${names[@]}" >/dev/null 2>&1 ||
  report "could not install"
exit 0
