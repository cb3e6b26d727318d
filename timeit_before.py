#!/usr/bin/env python3
# usage: timeit.py gen_x.py N [args...]  -> runs gen at N,2N,4N, scans, prints times
import sys, subprocess, time, os, shutil, json
gen = sys.argv[1]; N = int(sys.argv[2]); extra = sys.argv[3:]
mults = [1,2,4]
if os.environ.get('M8'): mults=[1,2,4,8]
res=[]
for m in mults:
    n=N*m
    d=f"/tmp/iacfix/datab/{os.path.basename(gen)[:-3]}_{n}"
    if os.path.exists(d): shutil.rmtree(d)
    os.makedirs(d)
    subprocess.run([sys.executable, gen, str(n), d]+extra, check=True)
    sz=sum(os.path.getsize(os.path.join(r,f)) for r,_,fs in os.walk(d) for f in fs)
    out=d+".json"
    t=time.time()
    p=subprocess.run(["java","-XX:TieredStopAtLevel=1","-XX:+UseSerialGC","-jar","/tmp/lead/ab/sinks5.jar","scan",d,"--max-file-size","20000000","--format","json","-o",out],capture_output=True,text=True,timeout=900)
    dt=time.time()-t
    try:
        nf=len(json.load(open(out)).get('findings',[]))
    except Exception as e: nf='?'
    if p.returncode not in (0,1): print("RC",p.returncode,p.stderr[-2000:])
    res.append((n,dt,sz,nf))
    print(f"{os.path.basename(gen)} {' '.join(extra)} N={n} t={dt:.2f}s bytes={sz} findings={nf}",flush=True)
    shutil.rmtree(d) if not os.environ.get('KEEP') else None
    if dt>120: break
if len(res)>=3:
    r=(res[2][1]-0.4)/max(res[0][1]-0.4,0.01)
    print(f"RATIO 4N/N = {r:.1f}",flush=True)
