#!/usr/bin/env python3
"""Makes the pre-commit benchmark's git repository: N tracked text files (Java, properties, YAML, JSON, Markdown; 15,000
by default, the size at which 'scan --staged' was measured at 0.5 s) in one commit, then one staged change: a storage
account key appended to a .properties file (the key is generated at each run; the files are seeded).

    python3 bench/gen_staged_repo.py OUT_DIR [--files N]

Prints the staged file's path.
"""
import argparse
import base64
import os
import random
import shutil
import subprocess


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=15000)
    a = ap.parse_args()
    rnd = random.Random(15000)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)

    def git(*args):
        subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com", *args], cwd=a.out,
                       check=True, stdout=subprocess.DEVNULL, env=env)

    words = "order invoice customer payment queue storage blob table message retry timeout client service".split()
    kinds = ["java", "java", "properties", "yaml", "json", "md"]
    target = None
    for i in range(a.files):
        kind = kinds[i % len(kinds)]
        path = os.path.join("service%d" % (i % 40), "module%d" % (i % 23), "f%d.%s" % (i, kind))
        os.makedirs(os.path.join(a.out, os.path.dirname(path)), exist_ok=True)
        lines = [" ".join(rnd.choice(words) for _ in range(5)) for _ in range(rnd.randrange(5, 40))]
        if kind == "java":
            body = "package bench;\n\nclass F%d {\n%s\n}\n" % (i, "\n".join("    // " + l for l in lines))
        elif kind == "properties":
            body = "".join("app.%s.%d=%s\n" % (rnd.choice(words), n, l.replace(" ", "-")) for n, l in enumerate(lines))
            target = target or path
        elif kind == "yaml":
            body = "".join("%s%d: %s\n" % (rnd.choice(words), n, l) for n, l in enumerate(lines))
        elif kind == "json":
            body = "{\n%s\n}\n" % ",\n".join('  "%s%d": "%s"' % (rnd.choice(words), n, l) for n, l in enumerate(lines))
        else:
            body = "\n".join(l.capitalize() + "." for l in lines) + "\n"
        with open(os.path.join(a.out, path), "w") as f:
            f.write(body)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "corpus")
    key = base64.b64encode(os.urandom(64)).decode()
    with open(os.path.join(a.out, target), "a") as f:
        f.write("bench.storage=DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=%s;"
                "EndpointSuffix=core.windows.net\n" % key)
    git("add", target)
    print(target)


if __name__ == "__main__":
    main()
