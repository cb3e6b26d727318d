#!/usr/bin/env python3
"""Makes the history benchmark's git repository: 1,500 text files (Java, properties, YAML, Markdown) and 200 commits,
each changing 8 files (lines appended or edited, a storage key added now and then and removed again later). Seeded:
the same files every time; the keys are generated at each run.

    python3 bench/gen_history_repo.py OUT_DIR
"""
import argparse, base64, os, random, subprocess
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("out", help="the repository to make (must not exist)")
repo = ap.parse_args().out
rnd = random.Random(20261205)
os.makedirs(repo)
def git(*args):
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com", *args], cwd=repo,
                   check=True, stdout=subprocess.DEVNULL)
git("init", "-q", "-b", "main")
words = "order invoice customer payment queue storage blob table message retry timeout client service".split()
def line(kind):
    w = " ".join(rnd.choice(words) for _ in range(6))
    return {"java": "    // %s\n    int v%d = %d;" % (w, rnd.randrange(10**6), rnd.randrange(100)),
            "properties": "app.%s.%s=%s" % (rnd.choice(words), rnd.choice(words), w.replace(" ", "-")),
            "yaml": "%s: %s" % (rnd.choice(words) + str(rnd.randrange(1000)), w),
            "md": w.capitalize() + "."}[kind]
files = []
for i in range(1500):
    kind = ["java", "properties", "yaml", "md"][i % 4]
    path = "module%d/src/f%d.%s" % (i % 15, i, kind if kind != "yaml" else "yaml")
    os.makedirs(os.path.join(repo, os.path.dirname(path)), exist_ok=True)
    body = "\n".join(line(kind) for _ in range(rnd.randrange(20, 120)))
    if kind == "java":
        body = "class F%d {\n%s\n}" % (i, body)
    with open(os.path.join(repo, path), "w") as f:
        f.write(body + "\n")
    files.append((path, kind))
git("add", "-A")
git("commit", "-q", "-m", "initial")
keyed = []
for c in range(199):
    for path, kind in rnd.sample(files, 8):
        full = os.path.join(repo, path)
        with open(full) as f:
            text = f.read()
        if kind == "properties" and rnd.random() < 0.3:
            key = base64.b64encode(os.urandom(64)).decode()
            text += ("azure.storage.connection-string=DefaultEndpointsProtocol=https;AccountName=bench%d;"
                     "AccountKey=%s;EndpointSuffix=core.windows.net\n") % (c, key)
            keyed.append(path)
        elif kind != "java":
            text += line(kind) + "\n"
        else:
            text = text.rstrip("}\n") + "\n" + line(kind) + "\n}\n"
        with open(full, "w") as f:
            f.write(text)
    if keyed and rnd.random() < 0.3:  # a key removed again: gone at the tip, still in the history
        path = keyed.pop(0)
        full = os.path.join(repo, path)
        with open(full) as f:
            text = "".join(l for l in f.readlines() if "AccountKey=" not in l)
        with open(full, "w") as f:
            f.write(text)
    git("add", "-A")
    git("commit", "-q", "-m", "change %d" % c)
