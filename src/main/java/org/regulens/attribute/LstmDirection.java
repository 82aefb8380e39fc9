package org.regulens.attribute;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One direction of deeplearning4j's LSTM (no peepholes): z = xₜ·W + hₜ₋₁·RW + b split into the block input
 * a = tanh(z_a) and the forget, output and input gates f, o, i = σ(z_·) (deeplearning4j's column order a, f, o, i);
 * cₜ = f·cₜ₋₁ + i·a, hₜ = o·tanh(cₜ). The backward pass runs through time; under {@link Rule#RESCALE} each product
 * u·v passes back the exact split Δ(uv) = ½(v + v₀)Δu + ½(u + u₀)Δv, so summation-to-delta still holds.
 */
final class LstmDirection {

    /** Per time step (in processing order) what the backward pass needs. */
    record State(int t, INDArray z, INDArray a, INDArray f, INDArray o, INDArray i, INDArray cPrev, INDArray c,
                 INDArray tanhC, INDArray h) {
    }

    private final INDArray w;   // [in, 4H]
    private final INDArray rw;  // [H, 4H]
    private final INDArray b;   // [1, 4H]
    private final int hidden;
    private final boolean reverse;

    LstmDirection(INDArray w, INDArray rw, INDArray b, boolean reverse) {
        this.w = w.dup('c');
        this.rw = rw.dup('c');
        this.b = b.reshape(new long[] {1, -1}).dup();
        this.hidden = (int) rw.size(0);
        this.reverse = reverse;
    }

    int hidden() {
        return hidden;
    }

    List<State> run(INDArray in) {
        long n = in.size(0);
        int length = (int) in.size(2);
        INDArray h = Nd4j.zeros(in.dataType(), n, hidden);
        INDArray c = Nd4j.zeros(in.dataType(), n, hidden);
        List<State> states = new ArrayList<>(length);
        for (int s = 0; s < length; s++) {
            int t = reverse ? length - 1 - s : s;
            INDArray x = in.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).dup('c');
            INDArray z = x.mmul(w).addi(h.mmul(rw)).addiRowVector(b);
            INDArray a = Nonlinearity.TANH.apply(gate(z, 0));
            INDArray f = Nonlinearity.SIGMOID.apply(gate(z, 1));
            INDArray o = Nonlinearity.SIGMOID.apply(gate(z, 2));
            INDArray i = Nonlinearity.SIGMOID.apply(gate(z, 3));
            INDArray cNext = f.mul(c).addi(i.mul(a));
            INDArray tanhC = Nonlinearity.TANH.apply(cNext);
            INDArray hNext = o.mul(tanhC);
            states.add(new State(t, z, a, f, o, i, c, cNext, tanhC, hNext));
            h = hNext;
            c = cNext;
        }
        return states;
    }

    /** Outputs [n, H, length] in time order. */
    INDArray outputs(List<State> states, long n) {
        INDArray out = Nd4j.create(states.get(0).h().dataType(), n, hidden, states.size());
        for (State s : states) {
            out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(s.t())).assign(s.h());
        }
        return out;
    }

    /** d/d input [n, in, length] given d/d outputs [n, H, length]. */
    INDArray backward(List<State> states, INDArray gradOut, Rule rule, List<State> ref, long inChannels) {
        long n = gradOut.size(0);
        INDArray dx = Nd4j.zeros(gradOut.dataType(), n, inChannels, states.size());
        INDArray dhNext = Nd4j.zeros(gradOut.dataType(), n, hidden);
        INDArray dcNext = Nd4j.zeros(gradOut.dataType(), n, hidden);
        boolean rescale = rule == Rule.RESCALE;
        for (int s = states.size() - 1; s >= 0; s--) {
            State x = states.get(s);
            State r = rescale ? ref.get(s) : null;
            INDArray dh = gradOut.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(x.t())).add(dhNext);
            INDArray dO = dh.mul(factor(x.tanhC(), r == null ? null : r.tanhC()));
            INDArray dTanhC = dh.mul(factor(x.o(), r == null ? null : r.o()));
            INDArray dc = dcNext.add(Nonlinearity.TANH.backward(x.c(), dTanhC, rule, r == null ? null : r.c()));
            INDArray dF = dc.mul(factor(x.cPrev(), r == null ? null : r.cPrev()));
            INDArray dCPrev = dc.mul(factor(x.f(), r == null ? null : r.f()));
            INDArray dI = dc.mul(factor(x.a(), r == null ? null : r.a()));
            INDArray dA = dc.mul(factor(x.i(), r == null ? null : r.i()));
            INDArray dz = Nd4j.create(dh.dataType(), n, 4L * hidden);
            gate(dz, 0).assign(Nonlinearity.TANH.backward(gate(x.z(), 0), dA, rule, r == null ? null : gate(r.z(), 0)));
            gate(dz, 1).assign(Nonlinearity.SIGMOID.backward(gate(x.z(), 1), dF, rule, r == null ? null : gate(r.z(), 1)));
            gate(dz, 2).assign(Nonlinearity.SIGMOID.backward(gate(x.z(), 2), dO, rule, r == null ? null : gate(r.z(), 2)));
            gate(dz, 3).assign(Nonlinearity.SIGMOID.backward(gate(x.z(), 3), dI, rule, r == null ? null : gate(r.z(), 3)));
            dx.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(x.t())).assign(dz.mmul(w.transpose()));
            dhNext = dz.mmul(rw.transpose());
            dcNext = dCPrev;
        }
        return dx;
    }

    /** The other factor of a product: itself for gradients, the mean of input and reference for DeepLIFT. */
    private static INDArray factor(INDArray value, INDArray reference) {
        return reference == null ? value : value.add(reference).muli(0.5);
    }

    private INDArray gate(INDArray z, int k) {
        INDArrayIndex columns = NDArrayIndex.interval((long) k * hidden, (long) (k + 1) * hidden);
        return z.get(NDArrayIndex.all(), columns);
    }
}
