package org.regulens.mirna

import spock.lang.Specification

class SiteScannerSpec extends Specification {

    static final String MIRNA = 'TGAGGTAGTAGGTTGTATAG' // let-7a; seed (positions 2-8) GAGGTAG
    static final String SITE = 'CTACCTC'                 // its reverse complement: the target's seed match

    /** A stand-in model: 0.9 when the seed match lies within positions 10..39 of the window, else 0.05. */
    static SiteScanner.WindowScorer seedScorer() {
        { String mirna, List<String> windows ->
            windows.collect { w -> int i = w.indexOf(SITE); (i >= 10 && i + SITE.length() <= 40) ? 0.9f : 0.05f } as float[]
        } as SiteScanner.WindowScorer
    }

    static String randomTarget(int length, long seed) {
        def random = new Random(seed)
        String t
        while (true) {
            t = (0..<length).collect { 'ACGT'[random.nextInt(4)] }.join()
            if (!t.contains(SITE)) return t
        }
    }

    static String plant(String target, int at) {
        target.substring(0, at) + SITE + target.substring(at + SITE.length())
    }

    def "window starts step by the stride and the last window ends at the target's end"() {
        expect:
        new SiteScanner(50, 5, 0.5, 20).starts(120) == (0..70).step(5)
        new SiteScanner(50, 5, 0.5, 20).starts(123) == (0..70).step(5) + [73]
        new SiteScanner(50, 5, 0.5, 20).starts(50) == [0]
    }

    def "a site planted in a random UTR is found: one peak, its best window holds the site"() {
        given:
        def scanner = new SiteScanner(50, 1, 0.5, 20)
        def target = plant(randomTarget(500, 1), 200)

        when:
        def peaks = scanner.peaks(scanner.windows(MIRNA, target, seedScorer(), 64))

        then: 'windows starting 167..190 put the site at positions 10..39'
        peaks.size() == 1
        peaks[0].start() == 167 && peaks[0].end() == 240
        peaks[0].windows() == 24
        peaks[0].siteStart() <= 200 && peaks[0].siteEnd() >= 207
    }

    def "close peaks merge within the merge distance and stay apart beyond it (hand-worked gap of 27 nt)"() {
        given: 'sites at 200 and 300: peaks [167, 240) and [267, 340), 27 nt apart'
        def target = plant(plant(randomTarget(500, 2), 200), 300)

        expect:
        peaksOf(target, 30).collect { [it.start(), it.end()] } == [[167, 340]]
        peaksOf(target, 26).collect { [it.start(), it.end()] } == [[167, 240], [267, 340]]
    }

    def "the best window wins when runs merge, and no window passing gives no peak"() {
        given:
        def scanner = new SiteScanner(10, 2, 0.5, 5)
        def windows = [[0, 0.1], [2, 0.6], [4, 0.7], [6, 0.2], [8, 0.9], [10, 0.1]].collect {
            new SiteScanner.Window(it[0] as int, it[1] as float) }

        when:
        def peaks = scanner.peaks(windows)

        then: 'runs [2, 14) (best 4) and [8, 18) overlap, so they merge; the best window is the one at 8'
        peaks.size() == 1
        peaks[0].start() == 2 && peaks[0].end() == 18
        peaks[0].siteStart() == 8 && peaks[0].siteEnd() == 18
        Math.abs(peaks[0].score() - 0.9f) < 1e-6
        peaks[0].windows() == 3
        scanner.peaks(windows.collect { new SiteScanner.Window(it.start(), 0.1f) }).isEmpty()
    }

    static List<SiteScanner.Peak> peaksOf(String target, int mergeDistance) {
        def scanner = new SiteScanner(50, 1, 0.5, mergeDistance)
        scanner.peaks(scanner.windows(MIRNA, target, seedScorer(), 64))
    }
}
