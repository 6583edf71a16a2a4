#!/usr/bin/env python3
"""Turn a .sql file into a C header holding it as one string constant."""
import sys

src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding='utf-8') as f:
    text = f.read()
name = 'ANTT_SCHEMA_V1_SQL'
with open(dst, 'w', encoding='utf-8') as out:
    out.write('/* Generated from %s; do not edit. */\n#pragma once\n\n' % src.split('/')[-1])
    out.write('static const char %s[] =\n' % name)
    for line in text.splitlines():
        esc = line.replace('\\', '\\\\').replace('"', '\\"')
        out.write('  "%s\\n"\n' % esc)
    out.write('  ;\n')
