#!/usr/bin/env python3
"""
import-noseyparker-rules.py - turn Nosey Parker's secret rules (YAML) into
tollgate's detector format (policies/redaction-noseyparker.json).

    scripts/import-noseyparker-rules.py RULES_DIR > policies/redaction-noseyparker.json

RULES_DIR is Nosey Parker's crates/noseyparker/data/default/builtin/rules/
(a copy is in ../shared/corpora/noseyparker-secret-examples/rules). The
patterns are copied unchanged: they are written for Hyperscan, and tollgate
compiles them into its one Hyperscan database and confirms each hit with
PCRE2, as Nosey Parker does with Rust's regex crate. Rules whose categories
include "secret" (or that are API tokens) become entity SECRET; pure
identifiers (bucket names, ARNs, client and account ids, public keys) become
entity IDENTIFIER, which the default policy only monitors.

Nosey Parker is Copyright 2022 Praetorian Security, Inc, Apache License 2.0
(see policies/NOTICE.noseyparker). The examples are not copied here: the
accuracy benchmark reads them from the corpus.
"""
import glob
import json
import os
import sys

import yaml


def entity(categories):
    cats = set(categories or [])
    if "secret" in cats:
        return "SECRET"
    if "identifier" in cats:
        return "IDENTIFIER"
    return "SECRET"


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    rules = []
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.yml"))):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for r in doc["rules"]:
            pattern = r["pattern"].strip()
            if "#" in pattern.replace("(?#", "").replace("\\#", ""):
                raise SystemExit(f"{r['id']}: '#' comments are not supported; use (?#...)")
            rules.append({
                "id": r["id"],
                "name": r["name"],
                "entity": entity(r.get("categories")),
                "pattern": pattern,
            })
    out = {
        "_comment": [
            "Secret detectors imported from Nosey Parker's rule set by scripts/import-noseyparker-rules.py.",
            "Source: https://github.com/praetorian-inc/noseyparker @ 2e6e7f36ce36619852532bbe698d8cb7a26d2da7,",
            "crates/noseyparker/data/default/builtin/rules/*.yml. Copyright 2022 Praetorian Security, Inc.",
            "Licensed under the Apache License 2.0; see policies/NOTICE.noseyparker. Patterns are unchanged.",
            "Do not edit by hand: disable a rule in the redaction policy (\"disable_rules\") instead.",
        ],
        "rules": rules,
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
