#!/usr/bin/env python3
"""Writes one tests/bad/ case: tests/data/base.cfg with one edit.

usage: mkbad.py NAME "DESCRIPTION" SETTING [MESSAGE] < edit.py
The edit is Python that receives `lines` (base.cfg without its first line)
and changes it in place; the line of the first line containing the marker
'#!' (removed) is the expected line, or '-' when no line carries it.
"""
import sys, os
here = os.path.dirname(os.path.abspath(__file__))
name, desc, setting = sys.argv[1:4]
message = sys.argv[4] if len(sys.argv) > 4 else None
lines = open(os.path.join(here, 'data/base.cfg')).read().split('\n')[1:]
exec(sys.stdin.read())
head = ['# ' + desc, None] + (['# message: ' + message] if message else [])
body = head + lines
line = '-'
for i, l in enumerate(body):
    if l is not None and '#!' in l:
        line = str(i + 1)
        body[i] = l.replace('#!', '').rstrip()
        break
body[1] = '# expect: %s %s' % (line, setting)
open(os.path.join(here, 'bad', name + '.cfg'), 'w').write('\n'.join(body))
