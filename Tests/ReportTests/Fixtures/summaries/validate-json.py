"""Validates JSON documents against a JSON Schema (Draft 2020-12).

    python3 validate-json.py SCHEMA DOCUMENT...

Checks the schema itself first, then prints one line per violation and exits 1 if there
is any. Needs Python's jsonschema (`make test` installs it when missing).
"""

import json
import sys

from jsonschema import Draft202012Validator


def main(schema_path, document_paths):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    failed = False
    for path in document_paths:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        for error in sorted(validator.iter_errors(document), key=lambda e: e.json_path):
            failed = True
            print(f"{path}: {error.json_path}: {error.message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
