#!/usr/bin/env python3
"""Times `charte verifier` on large adversarial charters (about 15 MiB each).

    scripts/stress.py [BINARY] [SHAPE…]

Each shape targets one place where work could grow faster than the input: every
shape must finish in seconds and bounded memory, with a diagnostic, never a crash.
A development tool (not run by CI): build with `swift build -c release` first.
"""
import os, subprocess, sys, tempfile, time, resource

SIZE = 15 * 1024 * 1024
HEAD = b'role r\nobjet o { x: booleen  c: a | b | c }\naction a sur o\n'

def repeat(unit, size=SIZE):
    """The unit repeated up to `size` bytes, on lines of 64 units (lines are limited to 1 MiB)."""
    line = unit * 64 + b'\n'
    return line * (size // len(line))

def numbered(template, size=SIZE):
    out, i, total = [], 0, 0
    while total < size:
        piece = template % {b'i': str(i).encode()} if isinstance(template, bytes) else template(i)
        if i % 64 == 63: piece += b'\n'
        out.append(piece); total += len(piece); i += 1
    return b''.join(out)

SHAPES = {
    'dollars': lambda: repeat(b'$ '),
    'invalid-utf8': lambda: repeat(b'\xff'),
    'words': lambda: repeat(b'a '),
    'roles': lambda: numbered(lambda i: b'role r%d\n' % i),
    'chain-et': lambda: HEAD + b'autorise r a si ' + repeat(b'x et ') + b'x\n',
    'one-line': lambda: b'role r "' + b'x' * (10 * 1024 * 1024) + b'"\n',
    'long-lines': lambda: (b'# ' + b'x' * (1024 * 1024 - 3) + b'\n') * 14,
    'parens': lambda: HEAD + b'autorise r a si ' + b'(' * 100000 + b'x' + b')' * 100000 + b'\n',
    'attributes': lambda: b'objet o {\n' + numbered(lambda i: b' a%d: booleen\n' % i) + b'}\n',
    'enum-values': lambda: b'objet o { x: ' + numbered(lambda i: b'v%d | ' % i) + b'z }\n',
    'unknown-actors': lambda: numbered(lambda i: b'role r%d\n' % i, 200_000)
        + b'etape e { tache t { responsable r0 informe ' + numbered(lambda i: b'x%d, ' % i) + b'x } }\n',
    'task-actions': lambda: HEAD + b'etape e {\n' + numbered(lambda i: b'tache t%d { responsable r action a si x }\n' % i) + b'}\n',
    'clause-actions': lambda: HEAD + b'etape e { tache t { responsable r\n' + repeat(b'action a si x\n') + b'} }\n',
    'forbids': lambda: HEAD + b'etape e { tache t { responsable r action a } }\n' + repeat(b'interdit r a si x\n'),
    'apres-chain': lambda: b'role r\netape e {\n' + numbered(lambda i: b'tache t%d { responsable r apres t%d, t%d }\n' % (i, i + 1, max(i - 1, 0))) + b'}\n',
    'deadline-prerequisites': lambda: b'role r\netape e {\n'
        + b''.join(b'tache p%d { responsable r apres p%d }\n' % (i, i + 1) for i in range(150_000))
        + b'tache p150000 { responsable r echeance 2026-09-01 }\n'
        + numbered(lambda i: b'tache d%d { responsable r apres p0 echeance 2026-01-01 }\n' % i, SIZE // 2) + b'}\n',
    'calendar': lambda: b'role r\ncalendrier {\n' + numbered(lambda i: b' p%d 2026-09-01 .. 2026-09-02\n' % i, SIZE // 2)
        + b'}\netape e {\n' + numbered(lambda i: b'tache t%d { responsable r echeance 2027-01-01 }\n' % i, SIZE // 2) + b'}\n',
    'unclosed-blocks': lambda: repeat(b'etape e { tache t { '),
    'bare-keywords': lambda: repeat(b'role\n'),
    'strings': lambda: repeat(b'"\n'),
    'bidi': lambda: b'# ' + repeat('\u202e'.encode()) + b'\n',
    'homoglyphs': lambda: repeat('r\u043ele '.encode()),
    'huge-numbers': lambda: repeat(b'99999999999999999999 '),
    'bad-dates': lambda: repeat(b'2026-02-30 '),
}

def main():
    args = sys.argv[1:]
    binary = '.build/release/charte'
    if args and os.path.sep in args[0]:
        binary = args.pop(0)
    names = args or list(SHAPES)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            path = os.path.join(tmp, name + '.charte')
            with open(path, 'wb') as f:
                f.write(SHAPES[name]())
            start = time.time()
            proc = subprocess.Popen([binary, 'verifier', '--format', 'gcc', path],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            err, status = b'', None
            try:
                err = proc.stderr.read() if False else b''
                _, err = proc.communicate(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill(); _, err = proc.communicate(); status = 'timeout'
            elapsed = time.time() - start
            status = status or proc.returncode
            rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
            lines = err.decode('utf-8', 'replace').splitlines()
            last = lines[-1][:110] if lines else ''
            print(f'{name:24} {os.path.getsize(path) / 1048576:5.1f} MiB {elapsed:7.2f} s  '
                  f'peak≤{rss:5} MiB  status {status}  {len(lines)} lines  {last}', flush=True)

if __name__ == '__main__':
    main()
