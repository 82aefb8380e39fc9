package org.regulens.report

import spock.lang.Specification

/** Logo geometry against hand-computed values. */
class SvgLogoSpec extends Specification {

    def "a PPM column (0.5, 0.5, 0, 0) has 1 bit: A and C 0.5 bit each, stacked smallest first, ties in ACGT order"() {
        when:
        def heights = SvgLogo.informationHeights([[0.5, 0.5, 0, 0]] as double[][])
        def glyphs = SvgLogo.column(heights[0])

        then:
        heights[0] == [0.5, 0.5, 0, 0] as double[]
        glyphs == [new SvgLogo.Glyph(0, 0, 0.5), new SvgLogo.Glyph(1, 0.5, 0.5)]
    }

    def "a fully conserved column is 2 bits, a uniform one 0 bits"() {
        expect:
        SvgLogo.informationHeights([[0, 0, 1, 0], [0.25, 0.25, 0.25, 0.25]] as double[][]) ==
                [[0, 0, 2, 0], [0, 0, 0, 0]] as double[][]
    }

    def "a PPM column (0.7, 0.1, 0.1, 0.1): heights are probability x information, largest letter on top"() {
        given:
        double ic = 2 + 0.7 * log2(0.7) + 3 * 0.1 * log2(0.1)

        when:
        def glyphs = SvgLogo.column(SvgLogo.informationHeights([[0.7, 0.1, 0.1, 0.1]] as double[][])[0])

        then:
        glyphs*.base == [1, 2, 3, 0]
        Math.abs(glyphs[3].height() - 0.7 * ic) < 1e-12
        Math.abs(glyphs[3].bottom() - 0.3 * ic) < 1e-12
        Math.abs(glyphs[3].top() - ic) < 1e-12
    }

    def "a signed CWM column draws positive letters above the axis and negative ones below, largest outermost"() {
        when:
        def glyphs = SvgLogo.column([0.3, -0.1, 0.0, -0.4] as double[])

        then: 'A above; C then T below (C nearer the axis); G (zero) not drawn'
        glyphs == [new SvgLogo.Glyph(0, 0, 0.3), new SvgLogo.Glyph(1, -0.1, 0.1), new SvgLogo.Glyph(3, -0.5, 0.4)]
    }

    def "the reverse-complement logo is the logo of the reverse-complemented matrix"() {
        given:
        double[][] m = [[0.9, 0.0, 0.1, 0.0], [0.1, 0.2, 0.3, 0.4], [0.0, -0.5, 0.2, 0.0]]

        when:
        def rc = SvgLogo.reverseComplement(m)

        then:
        rc == [[0.0, 0.2, -0.5, 0.0], [0.4, 0.3, 0.2, 0.1], [0.0, 0.1, 0.0, 0.9]] as double[][]
        SvgLogo.reverseComplement(rc) == m
        SvgLogo.render(rc, SvgLogo.Style.cwm(), 'x') == SvgLogo.render(
                [[0.0, 0.2, -0.5, 0.0], [0.4, 0.3, 0.2, 0.1], [0.0, 0.1, 0.0, 0.9]] as double[][], SvgLogo.Style.cwm(), 'x')
    }

    def "the rendered SVG scales letters to the plot: a 2-bit column fills the PPM logo's full height"() {
        when:
        def svg = SvgLogo.render(SvgLogo.informationHeights([[0, 0, 0, 1]] as double[][]), new SvgLogo.Style(10, 50, 0.0, 2.0), 'T <&>')
        def doc = parse(svg)
        def paths = doc.getElementsByTagName('path')

        then:
        doc.tagName == 'svg'
        doc.getAttribute('class') == 'logo'
        doc.getElementsByTagName('title').item(0).textContent == 'T <&>'
        paths.length == 1
        paths.item(0).getAttribute('transform') == 'translate(0 0) scale(0.1 0.5)'
        paths.item(0).getAttribute('d') == Glyphs.path(3)
    }

    def "signed logo: the axis sits where zero is, between the positive and negative extremes"() {
        when: 'range +0.3 .. -0.1 over 40 px: 30 px above the axis, 10 below'
        def svg = SvgLogo.render([[0.3, -0.1, 0, 0]] as double[][], new SvgLogo.Style(10, 40, null, null), 'x')
        def doc = parse(svg)
        def paths = doc.getElementsByTagName('path')

        then:
        doc.getElementsByTagName('line').item(0).getAttribute('y1') == '30'
        (0..<paths.length).collect { paths.item(it).getAttribute('transform') } ==
                ['translate(0 0) scale(0.1 0.3)', 'translate(0 30) scale(0.1 0.1)']
    }

    static org.w3c.dom.Element parse(String xml) {
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes('UTF-8'))).documentElement
    }

    static double log2(double x) { Math.log(x) / Math.log(2) }
}
