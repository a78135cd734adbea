"""Parses generated files with Python's own parsers for the export injection test.

Reads a JSON list of jobs from argv[1] ({"kind": "python" | "xml" | "csv" | "tsv" | "lines", "path": ...})
and prints a JSON list of results: for Python the module and class docstrings, the imported
modules and every called name; for XML the text of each element and each attribute value;
for CSV/TSV the rows; for lines the str.splitlines() of the file. A parse error is reported
as {"error": "..."}.
"""
import ast
import csv
import json
import sys
import xml.etree.ElementTree as ET


def python_facts(path):
    # Parsed from bytes, as the interpreter reads a file: a coding declaration would take effect.
    with open(path, 'rb') as f:
        tree = ast.parse(f.read(), filename=path)
    classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    imports = sorted(
        {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        | {n.module or '' for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    )
    calls = sorted(
        {
            n.func.id if isinstance(n.func, ast.Name) else n.func.attr
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, (ast.Name, ast.Attribute))
        }
    )
    top = [type(n).__name__ for n in tree.body]
    return {
        'moduleDoc': ast.get_docstring(tree, clean=False),
        'classDocs': {c.name: ast.get_docstring(c, clean=False) for c in classes},
        'imports': imports,
        'calls': calls,
        'top': top,
    }


def xml_facts(path):
    root = ET.parse(path).getroot()
    texts = [e.text or '' for e in root.iter()]
    attributes = [v for e in root.iter() for v in e.attrib.values()]
    return {'texts': texts, 'attributes': attributes, 'elements': [e.tag for e in root.iter()]}


def rows(path, delimiter):
    with open(path, encoding='utf-8-sig', newline='') as f:
        if delimiter == '\t':
            return list(csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
        return list(csv.reader(f))


def run(job):
    kind, path = job['kind'], job['path']
    if kind == 'python':
        return python_facts(path)
    if kind == 'xml':
        return xml_facts(path)
    if kind in ('csv', 'tsv'):
        return {'rows': rows(path, ',' if kind == 'csv' else '\t')}
    if kind == 'lines':
        with open(path, encoding='utf-8') as f:
            return {'lines': f.read().splitlines()}
    raise ValueError(kind)


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        jobs = json.load(f)
    out = []
    for job in jobs:
        try:
            out.append(run(job))
        except Exception as e:  # noqa: BLE001 — reported to the test as data
            out.append({'error': f'{type(e).__name__}: {e}'})
    sys.stdout.write(json.dumps(out))


if __name__ == '__main__':
    main()
