package org.regulens.train

import spock.lang.Specification

import static org.regulens.train.LearningRateSchedule.Mode.CONSTANT
import static org.regulens.train.LearningRateSchedule.Mode.ONECYCLE
import static org.regulens.train.LearningRateSchedule.Mode.WARMUP

/** Schedule factors against values worked out by hand. */
class LearningRateScheduleSpec extends Specification {

    def "constant is 1 at every step"() {
        expect:
        (0..<50).every { new LearningRateSchedule(CONSTANT, 10, 5).factor(it) == 1d }
    }

    def "warmup rises by 1/W per step over the first epoch's W steps, then stays at 1"() {
        given:
        def s = new LearningRateSchedule(WARMUP, 4, 3)

        expect:
        (0..<8).collect { s.factor(it) } == [0.25d, 0.5d, 0.75d, 1d, 1d, 1d, 1d, 1d]
    }

    def "onecycle: 10 steps × 2 epochs = 20 steps; rise over round(0.3 × 20) = 6 steps from 1/25, cosine fall over 13"() {
        given:
        def s = new LearningRateSchedule(ONECYCLE, 10, 2)

        expect: 'step 3: 0.04 + 0.96 × 3/6 = 0.52; step 6 (the peak): 1'
        Math.abs(s.factor(0) - 0.04) < 1e-12
        Math.abs(s.factor(3) - 0.52) < 1e-12
        s.factor(6) == 1d

        and: 'halfway down (step 6 + 6.5 is not a step; step 13 is 7/13 of the fall): 0.001 + 0.999 × (1 + cos(7π/13))/2'
        Math.abs(s.factor(13) - (0.001 + 0.999 * 0.5 * (1 + Math.cos(Math.PI * 7 / 13)))) < 1e-12

        and: 'the last step (19) ends at 1/1000 and later steps (an epoch past the plan) stay there'
        Math.abs(s.factor(19) - 0.001) < 1e-12
        Math.abs(s.factor(25) - 0.001) < 1e-12
    }

    def "modes parse by their command-line names"() {
        expect:
        LearningRateSchedule.Mode.parse(name).cliName() == name

        where:
        name << ['constant', 'warmup', 'onecycle']
    }
}
