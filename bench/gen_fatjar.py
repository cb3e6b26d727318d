#!/usr/bin/env python3
"""Writes a Spring Boot-shaped fat jar of about --size MB for the artifact benchmark.

    bench/gen_fatjar.py OUT.jar --classpath CP [--classes DIR]... [--size 100]

BOOT-INF/lib/ holds the jars of CP (a Maven classpath: third-party libraries, stored uncompressed as Spring Boot
stores them), repeated under other names until the jar reaches the size; BOOT-INF/classes/ holds the class files of
the --classes folders (the application's own code) and an application.properties with a storage account key made
at run time (one planted finding); the application's own library (same Maven group) holds another. Deterministic
apart from the two keys.
"""
import argparse
import base64
import io
import os
import zipfile


def key():
    return base64.b64encode(os.urandom(64)).decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--classpath", required=True)
    ap.add_argument("--classes", action="append", default=[])
    ap.add_argument("--size", type=int, default=100, help="MB")
    a = ap.parse_args()
    # test jars hold test keys on purpose: an application does not ship them
    jars = sorted({p for p in a.classpath.split(os.pathsep) if p.endswith(".jar") and os.path.isfile(p)
                   and not p.endswith("-tests.jar")})
    if not jars:
        raise SystemExit("gen_fatjar: no jars on the classpath")
    target = a.size * 1000 * 1000
    with zipfile.ZipFile(a.out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: "
                   "org.springframework.boot.loader.launch.JarLauncher\nStart-Class: com.contoso.orders.App\n")
        z.writestr("META-INF/maven/com.contoso.orders/orders-app/pom.properties",
                   "groupId=com.contoso.orders\nartifactId=orders-app\nversion=1.0.0\n")
        z.writestr("BOOT-INF/classes/application.properties",
                   "spring.cloud.azure.storage.blob.account-name=ordersdata\n"
                   "spring.cloud.azure.storage.blob.account-key=%s\n" % key())
        for d in a.classes:
            for root, _, files in sorted(os.walk(d)):
                for f in sorted(files):
                    if f.endswith(".class"):
                        p = os.path.join(root, f)
                        z.write(p, "BOOT-INF/classes/" + os.path.relpath(p, d))
        own = io.BytesIO()
        with zipfile.ZipFile(own, "w", zipfile.ZIP_DEFLATED) as o:
            o.writestr("META-INF/maven/com.contoso.orders/orders-model/pom.properties",
                       "groupId=com.contoso.orders\nartifactId=orders-model\nversion=1.0.0\n")
            o.writestr("config/storage.yml", "azure:\n  storage:\n    connection-string: DefaultEndpointsProtocol=https;"
                       "AccountName=ordersdata;AccountKey=%s;EndpointSuffix=core.windows.net\n" % key())
        z.writestr(zipfile.ZipInfo("BOOT-INF/lib/orders-model-1.0.0.jar"), own.getvalue(), zipfile.ZIP_STORED)
        total, copy = 0, 0
        while total < target:
            for j in jars:
                name = os.path.basename(j)
                if copy:
                    name = name[:-4] + "-copy%d.jar" % copy
                z.write(j, "BOOT-INF/lib/" + name, zipfile.ZIP_STORED)
                total += os.path.getsize(j)
                if total >= target:
                    break
            copy += 1
    print("%s: %.1f MB" % (a.out, os.path.getsize(a.out) / 1e6))


if __name__ == "__main__":
    main()
