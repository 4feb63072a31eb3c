#!/usr/bin/env bash
# provision.sh - Vagrant provisioning: the project's own dependency script,
# then a first build, so `sudo make test` works right after `vagrant ssh`.
set -euo pipefail
cd /tollgate
scripts/install-deps.sh
make
echo "tollgate is built: cd /tollgate && sudo make test"
