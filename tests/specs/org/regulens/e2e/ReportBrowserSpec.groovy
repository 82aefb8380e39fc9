package org.regulens.e2e

import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import javax.imageio.ImageIO
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The report in a real browser: headless Chromium loads it (the page's own script checks every logo was laid out
 * and has letters), the key-findings table starts on the first screen, and the logos' boxes are not blank in a
 * screenshot. Skipped when no chromium binary is installed.
 */
@Requires({ ReportBrowserSpec.chromium() != null })
class ReportBrowserSpec extends Specification {

    static final int WIDTH = 1280
    static final int HEIGHT = 4000

    @Shared @TempDir Path dir
    @Shared Path report

    /** The chromium binary on PATH, or null. */
    static String chromium() {
        for (String name : ['chromium', 'chromium-browser', 'google-chrome']) {
            for (String folder : System.getenv('PATH')?.split(File.pathSeparator) ?: []) {
                def candidate = Path.of(folder, name)
                if (Files.isExecutable(candidate)) {
                    return candidate.toString()
                }
            }
        }
        null
    }

    def setupSpec() {
        def chain = ReportSpec.shared()
        assert chain.result.exitCode == 0: chain.result
        report = chain.dir.resolve('report/report.html')
    }

    String browse(List<String> extra) {
        def profile = Files.createTempDirectory(dir, 'profile')
        def command = [chromium(), '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
                       '--force-device-scale-factor=1', "--window-size=${WIDTH},${HEIGHT}", "--user-data-dir=${profile}"] +
                extra + [report.toUri().toString()]
        def process = new ProcessBuilder(command*.toString()).start()
        def out = new StringBuilder()
        def err = new StringBuilder()
        process.consumeProcessOutput(out, err)
        assert process.waitFor(3, TimeUnit.MINUTES): "chromium did not finish: $command"
        process.waitForProcessOutput(out, err)
        assert process.exitValue() == 0: "chromium failed: $err"
        out.toString()
    }

    def "headless chromium (when installed) loads the report and its self-check passes; logos are drawn on screen"() {
        when: 'the DOM after the load handler ran'
        def dom = browse(['--virtual-time-budget=5000', '--dump-dom'])
        def selfcheck = (dom =~ /<body[^>]*data-selfcheck="([^"]*)"/).with { it.find() ? it.group(1) : null }
        def findingsTop = (dom =~ /<body[^>]*data-keyfindings="(\d+)"/).with { it.find() ? it.group(1) as int : null }
        def boxes = (dom =~ /<svg class="logo"[^>]*data-bbox="(-?\d+),(-?\d+),(\d+),(\d+)"/).collect {
            it[1..4].collect { v -> v as int }
        }

        and: 'a screenshot of the top of the page'
        def png = dir.resolve('report.png')
        browse(["--screenshot=${png}".toString()])
        def image = ImageIO.read(png.toFile())
        def visible = boxes.findAll { x, y, w, h -> x >= 0 && y >= 0 && x + w <= image.width && y + h <= image.height }
        def blank = visible.findAll { x, y, w, h -> inked(image, x, y, w, h) == 0 }
        println "report: ${Files.size(report)} bytes, ${boxes.size()} logos, ${visible.size()} within the " +
                "${image.width}x${image.height} screenshot, self-check: $selfcheck, key findings at y=$findingsTop"

        then:
        selfcheck == 'ok'
        findingsTop != null && findingsTop < 900 // the answer is on the first screen at 1280 px wide
        boxes[0][1] < 900 // the key findings' logo of the best pattern, too
        boxes.size() == dom.count('<svg class="logo"')
        boxes.every { x, y, w, h -> w > 0 && h > 0 }
        visible.size() >= 5
        blank.isEmpty()
    }

    /** Pixels in the box that are clearly not white. */
    static int inked(java.awt.image.BufferedImage image, int x, int y, int w, int h) {
        int count = 0
        for (int i = x; i < x + w; i++) {
            for (int j = y; j < y + h; j++) {
                int rgb = image.getRGB(i, j)
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff
                if (r + g + b < 600) {
                    count++
                }
            }
        }
        count
    }
}
