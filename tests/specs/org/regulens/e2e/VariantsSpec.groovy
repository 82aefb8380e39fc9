package org.regulens.e2e

import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPOutputStream

import static org.regulens.e2e.RegulensRunner.python
import static org.regulens.e2e.RegulensRunner.run

/**
 * regulens variants as a user runs it: a gzipped VCF against the Galaxy test genome and model, with ISM
 * attributions; numpy reads the npz, and each SNV's logit difference is the ISM score of its ALT base.
 */
class VariantsSpec extends Specification {

    static final Path TEST_DATA = RegulensRunner.HOME.resolve('galaxy-tools/test-data')

    @Shared @TempDir Path dir

    @Requires({ RegulensRunner.hasNumpy() })
    def "gzipped VCF with --attribute ism: effects, the npz's rows, and ISM agreeing with the SNVs' logit difference"() {
        given: 'the test genome copied (its .fai is built beside it) and the VCF of the Galaxy test, gzipped'
        def genome = Files.copy(TEST_DATA.resolve('genome.fa'), dir.resolve('genome.fa'))
        def vcf = dir.resolve('variants.vcf.gz')
        new GZIPOutputStream(Files.newOutputStream(vcf)).withStream { it << TEST_DATA.resolve('variants.vcf').bytes }
        def out = dir.resolve('effects.tsv')
        def npz = dir.resolve('attr.npz')

        when:
        def r = run(['variants', '--model', TEST_DATA.resolve('model.zip'), '--genome', genome, '--vcf', vcf,
                     '--out', out, '--attribute', 'ism', '--attributions', npz, '--batch-size', 2])
        def rows = out.readLines().drop(1)*.split('\t')
        def check = python('''
import sys, numpy as np
d = np.load(sys.argv[1])
rows = [l.rstrip('\\n').split('\\t') for l in open(sys.argv[2])][1:]
assert d['x'].shape == (8, 4, 100) and d['hyp'].shape == (8, 4, 100), d['x'].shape
assert list(d['index']) == [0, 0, 1, 1, 2, 2, 3, 3], d['index']
names = [str(v) for v in d['variant']]
assert names[:2] == ['chr1:1000:A:C:ref', 'chr1:1000:A:C:alt'], names
assert names[4:6] == ['chr1:2000:TCAC:T:ref', 'chr1:2000:TCAC:T:alt'], names
worst = 0
for k, row in enumerate(rows[:2]):  # the two SNVs: logit_diff = hyp[alt] - hyp[ref] at the centre of the ref window
    hyp, x = d['hyp'][2 * k], d['x'][2 * k]
    ref, alt = 'ACGT'.index(row[3]), 'ACGT'.index(row[4])
    assert x[ref, 50] == 1 and d['x'][2 * k + 1][alt, 50] == 1
    worst = max(worst, abs(float(row[8]) - (hyp[alt, 50] - hyp[ref, 50])))
print('ok' if worst < 1e-4 else 'ism differs by %g' % worst)
''', [npz, out])

        then:
        r.exitCode == 0
        r.stderr.contains('scored 4; skipped 2 symbolic ALT alleles')
        rows*.take(6)*.join(' ') == ['chr1 1000 rs1 A C ctcf', 'chr1 1000 rs1 A G ctcf', 'chr1 2000 del1 TCAC T ctcf',
                                     'chr1 3000 . A ATTTT ctcf']
        check.trim() == 'ok'
    }
}
