"""Writes the benchmark's VCF: one destroying SNV per planted core site (ID destroy_*), as many random SNVs
genome-wide (random_*), and as many random SNVs inside peaks but at least 10 bp from any planted site (inpeak_*).
Usage: make_vcf.py SIM_DIR JASPAR_FILE MOTIF_ID SEED OUT.vcf"""
import gzip, math, random, sys

sim, jaspar, motif_id, seed, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
rng = random.Random(seed)

def read_fasta(path):
    seqs, name, parts = {}, None, []
    for line in open(path):
        line = line.strip()
        if line.startswith('>'):
            if name: seqs[name] = ''.join(parts)
            name, parts = line[1:].split()[0], []
        else:
            parts.append(line.upper())
    seqs[name] = ''.join(parts)
    return seqs

def read_pfm(path, wanted):
    lines = open(path).read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith('>') and line[1:].split()[0] == wanted:
            rows = [[float(v) for v in l.split('[')[1].split(']')[0].split()] for l in lines[i + 1:i + 5]]
            cols = list(zip(*rows))  # per position: A C G T counts
            return [[c / sum(col) for c in col] for col in cols]
    raise SystemExit(f'{wanted} not in {path}')

genome = read_fasta(f'{sim}/genome.fa')
pfm = read_pfm(jaspar, motif_id)
ic = [2 + sum(p * math.log2(p) for p in col if p > 0) for col in pfm]
best = max(range(len(pfm)), key=lambda j: ic[j])
comp = {'A': 'T', 'C': 'G', 'G': 'C', 'T': 'A'}

sites = []
for line in open(f'{sim}/planted.bed'):
    if line.startswith('#'): continue
    f = line.rstrip('\n').split('\t')
    if f[8] == 'core':
        sites.append((f[0], int(f[1]), int(f[2]), f[5]))
peaks = []
with gzip.open(f'{sim}/ctcf.narrowPeak.gz', 'rt') as fh:
    for line in fh:
        f = line.split('\t')
        peaks.append((f[0], int(f[1]), int(f[2])))

records = []
for k, (chrom, start, end, strand) in enumerate(sites):
    col = pfm[best]
    if strand == '+':
        pos0, probs = start + best, col
    else:  # the motif's column `best` sits at end-1-best on the + strand, complemented
        pos0, probs = end - 1 - best, [col[3], col[2], col[1], col[0]]
    ref = genome[chrom][pos0]
    alt = min((b for b in 'ACGT' if b != ref), key=lambda b: probs['ACGT'.index(b)])
    records.append((chrom, pos0 + 1, f'destroy_{k}', ref, alt))

near = {}
for chrom, start, end, _ in sites:
    for p in range(start - 10, end + 10):
        near[(chrom, p)] = True
names = sorted(genome)
lengths = [len(genome[c]) for c in names]
def random_snv(chrom, pos0, name):
    ref = genome[chrom][pos0]
    alt = rng.choice([b for b in 'ACGT' if b != ref])
    return (chrom, pos0 + 1, name, ref, alt)
n = len(sites)
k = 0
while k < n:
    chrom = rng.choices(names, weights=lengths)[0]
    pos0 = rng.randrange(len(genome[chrom]))
    if genome[chrom][pos0] in 'ACGT':
        records.append(random_snv(chrom, pos0, f'random_{k}')); k += 1
k = 0
while k < n:
    chrom, start, end = rng.choice(peaks)
    pos0 = rng.randrange(start, end)
    if genome[chrom][pos0] in 'ACGT' and (chrom, pos0) not in near:
        records.append(random_snv(chrom, pos0, f'inpeak_{k}')); k += 1

order = {c: i for i, c in enumerate(names)}
records.sort(key=lambda r: (order[r[0]], r[1]))
with open(out, 'w') as fh:
    fh.write('##fileformat=VCFv4.2\n')
    for c in names:
        fh.write(f'##contig=<ID={c},length={len(genome[c])}>\n')
    fh.write('#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n')
    for chrom, pos, name, ref, alt in records:
        fh.write(f'{chrom}\t{pos}\t{name}\t{ref}\t{alt}\t.\t.\t.\n')
print(f'{len(sites)} planted sites, most informative column {best + 1} of {len(pfm)} (IC {ic[best]:.2f} bits); '
      f'{len(records)} SNVs written to {out}', file=sys.stderr)
