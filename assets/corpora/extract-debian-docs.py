import sys, glob, re, html
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.out=[]; s.skip=0; s.buf=[]
    def handle_starttag(s,t,a):
        if t in ('pre','script','style','code','head'): s.skip+=1
        if t in ('p','li','h1','h2','h3','h4','dt','dd','div','td','title','br'): s.flush()
    def handle_endtag(s,t):
        if t in ('pre','script','style','code','head'): s.skip=max(0,s.skip-1)
        if t in ('p','li','h1','h2','h3','h4','dt','dd','div','td'): s.flush()
    def handle_data(s,d):
        if not s.skip: s.buf.append(d)
    def flush(s):
        t=re.sub(r'\s+',' ',''.join(s.buf)).strip(); s.buf=[]
        if len(t)>=20: s.out.append(t)
d=sys.argv[1]
files=sorted(glob.glob(d+'/*.html'))
seen=set(); lines=[]
for f in files:
    if 'index' in f or 'ix01' in f: continue
    p=P(); p.feed(open(f,encoding='utf8').read()); p.flush()
    for l in p.out:
        if l not in seen: seen.add(l); lines.append(l)
sys.stdout.write('\n'.join(lines)+'\n')
