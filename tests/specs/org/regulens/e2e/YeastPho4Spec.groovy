package org.regulens.e2e

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/**
 * Real data end to end: the 17 Pho4 ChIP-seq peaks of yeast chromosome IV (He et al. 2017, tests/data/yeast_pho4)
 * and the real chromosome. Pho4 binds the E-box CACGTG (every one of these peaks holds one, against about 7% of
 * random 1-kb windows of the chromosome). The model never sees that fact: it has to find the motif from 17 peaks,
 * and DeepSHAP → motifs → compare has to give it back as the top pattern with an E-box JASPAR matrix as its best
 * match. JASPAR's vertebrate collection has no Pho4, so "E-box" means a best-matching matrix whose consensus
 * holds CACGTG (MYC, MAX, USF, TFE3, ... — the CACGTG bHLH-ZIP family that Pho4 belongs to).
 * Same recipe as bench/real/yeast/run.sh (seed 6: its random 100-kb block split trains on 11 peaks, validates on 3).
 */
class YeastPho4Spec extends Specification {

    static final Path YEAST = RegulensRunner.DATA.resolve('yeast_pho4')

    @Shared @TempDir Path dir

    static List<Map<String, String>> tsv(Path file) {
        def lines = file.readLines()
        def header = lines[0].split('\t')
        lines.drop(1).collect { l -> [header, l.split('\t', -1)].transpose().collectEntries() }
    }

    def "the Pho4 E-box CACGTG comes back from a model trained on 17 real peaks as the top pattern and match"() {
        given:
        def data = dir.resolve('data.npz')
        def model = dir.resolve('model.zip')
        def attr = dir.resolve('attr.npz')
        def motifs = dir.resolve('motifs')

        when:
        def steps = [
                ['encode', '--genome', YEAST.resolve('sacCer3_chrIV.fa'), '--peaks', YEAST.resolve('pho4_sites_sacCer3_chrIV.bed'),
                 '--width', 300, '--negatives', 'shuffle', '--neg-ratio', 10, '--valid-frac', 0.25, '--test-frac', 0.25,
                 '--seed', 6, '--out', data, '-q'],
                ['train', '--data', data, '--arch', 'deepbind', '--filters', 8, '--filter-width', 12, '--lr', 0.01,
                 '--batch-size', 16, '--epochs', 60, '--patience', 60, '--lr-patience', 60, '--pos-weight', 'balanced',
                 '--max-shift', 20, '--seed', 6, '--out', model, '-q'],
                ['attribute', '--model', model, '--data', data, '--method', 'deepshap', '--label', 'positive', '--seed', 6,
                 '--out', attr, '-q'],
                ['motifs', '--attributions', attr, '--data', data, '--min-seqlets', 5, '--seed', 6, '--out', motifs, '-q'],
                ['compare', '--query', motifs.resolve('patterns.meme'), '--out', motifs.resolve('matches.tsv'), '-q']]
        def results = steps.collect { run(it) }
        def patterns = tsv(motifs.resolve('patterns.tsv'))
        def matches = tsv(motifs.resolve('matches.tsv'))
        def top = patterns[0]
        def best = matches.find { it.Query_ID == top.pattern }

        then: 'every step succeeds'
        results.every { it.exitCode == 0 }

        and: 'the largest positive pattern is the E-box, on either strand (CACGTG is its own reverse complement)'
        top.sign == '+'
        top.consensus.contains('CACGTG')

        and: 'its best JASPAR match is a CACGTG E-box matrix at q < 0.05'
        best != null
        best.Target_consensus.contains('CACGTG')
        (best['q-value'] as double) < 0.05
    }
}
