#!/usr/bin/env python3
"""Turn .sql files into one C header, each file a string constant.

Usage: embed-sql.py OUTPUT INPUT...

schema-v1.sql becomes ANTT_SCHEMA_V1_SQL, schema-v2.sql ANTT_SCHEMA_V2_SQL:
the name is the file's, upper case, with '-' and '.' turned into '_'.
"""
import os
import re
import sys

dst, sources = sys.argv[1], sys.argv[2:]
if not sources:
    sys.exit('usage: embed-sql.py OUTPUT INPUT...')

with open(dst, 'w', encoding='utf-8') as out:
    out.write('/* Generated from %s; do not edit. */\n#pragma once\n'
              % ', '.join(os.path.basename(s) for s in sources))
    for src in sources:
        base = os.path.basename(src)
        name = 'ANTT_' + re.sub(r'[^A-Za-z0-9]', '_', base).upper()
        with open(src, encoding='utf-8') as f:
            text = f.read()
        out.write('\nstatic const char %s[] =\n' % name)
        for line in text.splitlines():
            esc = line.replace('\\', '\\\\').replace('"', '\\"')
            out.write('  "%s\\n"\n' % esc)
        out.write('  ;\n')
