package org.regulens.e2e

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** The README's main-job command (bin/regulens-demo) runs end to end and its model learns the planted motifs. */
class DemoSpec extends Specification {

    @TempDir
    Path dir

    def "bin/regulens-demo writes every documented output and its model beats chance on held-out chromosomes"() {
        given:
        def out = dir.resolve('demo')

        when:
        def process = new ProcessBuilder(RegulensRunner.HOME.resolve('bin/regulens-demo').toString(), out.toString())
                .redirectErrorStream(true).start()
        def log = new StringBuilder()
        process.consumeProcessOutput(log, log)
        boolean finished = process.waitFor(15, TimeUnit.MINUTES)
        def metrics = finished ? TrainSpec.table(out.resolve('metrics.tsv')) : []

        then:
        finished && process.exitValue() == 0
        ['simulated/genome.fa', 'simulated/planted.bed', 'data.npz', 'model.zip', 'model.training.tsv', 'metrics.tsv',
         'metrics.roc.tsv', 'metrics.pr.tsv', 'filters.meme', 'filters.tsv'].every { Files.exists(out.resolve(it)) }
        metrics*.task == ['ctcf', 'gata']
        metrics.every { (it.auroc as double) > 0.7 }
        !log.toString().contains('WARNING')
    }
}
