from rich.console import Console
from rich.table import Table
from rich import box
rows=[("1","bs-anadolu.txt","bs","1.00","wholly derived","47.9","18.1","100%","100%"),
("2","sr-Latn-nova.txt","sr-Latn","0.78","partially derived","37.8","9.2","87%","68%"),
("5","sr-Cyrl-budzet.txt","sr-Cyrl","0.00","not derived","18.9","1.4","0%","0%"),
("–","corpora/very/long/folder/name/sr-Cyrl-budzet-2024-final.txt","sr-Cyrl","–","language 'de' is not supported (sr-Latn, sr-Cyrl, bs, hr, en)","","","","")]
cols=(("#","right"),("candidate","left"),("lang","left"),("match","right"),("label","left"),("chrF","right"),("BLEU","right"),("cov EN","right"),("cov src","right"))
for w in (80, 120, 60):
  c=Console(width=w)
  t=Table(title="Candidates", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
  need = {k: max([len(col)]+[len(r[k]) for r in rows]) for k,(col,_) in enumerate(cols)}
  other = sum(v for k,v in need.items() if k not in (1,4)) + 9 + 2*(len(cols)-1)
  cw = max(12, min(need[1], c.width - other))
  for k,(col,j) in enumerate(cols):
    if col=="candidate": t.add_column(col, overflow="fold", width=cw)
    else: t.add_column(col, justify=j)
  for r in rows: t.add_row(*r)
  c.print(t)
