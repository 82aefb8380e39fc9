package org.regulens.e2e

import spock.lang.Specification

import static org.regulens.e2e.RegulensRunner.run

/** Every subcommand's --help is clean, and every option it lists is documented in the README. */
class HelpSpec extends Specification {

    static final String README = RegulensRunner.HOME.resolve('README.md').text

    def "#command --help is clean and every option it lists is in the README"() {
        when:
        def r = run(command.split(' ').toList() + ['--help'])
        def options = (r.stdout =~ /--[a-z][a-z0-9-]+/).collect { it } as Set
        def undocumented = options.findAll { !README.contains('`' + it) && !(it in ['--help', '--version']) }

        then:
        r.exitCode == 0
        r.stderr.isEmpty()
        r.stdout.startsWith("Usage: regulens ${command}")
        undocumented.isEmpty()

        where:
        command << ['simulate', 'encode', 'train', 'evaluate', 'predict', 'attribute', 'attribute merge', 'attention', 'variants', 'filters', 'motifs', 'compare', 'scan', 'gia', 'report', 'mirna train', 'mirna predict', 'mirna evaluate', 'mirna scan', 'mirna explain', 'mirna mutagenesis', 'backend']
    }

    def "the top-level help lists every subcommand, and each has a README section"() {
        when:
        def r = run(['--help'])
        def commands = r.stdout.readLines().dropWhile { !it.startsWith('Commands:') }.drop(1)
                .findAll { it ==~ /^  \S.*/ }.collect { it.trim().split(/\s+/)[0] }.findAll { it != 'help' }

        then:
        r.exitCode == 0
        commands.containsAll(['simulate', 'encode', 'train', 'evaluate', 'predict', 'attribute', 'variants', 'filters', 'motifs', 'compare', 'scan', 'report', 'mirna', 'backend'])
        commands.every { README.contains("### `regulens ${it}`") }
    }
}
