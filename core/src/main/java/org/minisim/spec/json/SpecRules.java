package org.minisim.spec.json;

import java.util.ArrayList;
import java.util.List;
import org.minisim.spec.Acquisition;
import org.minisim.spec.BrainMotion;
import org.minisim.spec.CellActivity;
import org.minisim.spec.Leakage;
import org.minisim.spec.NeuronPopulation;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Position3;
import org.minisim.spec.Spec;

/**
 * Spec-level rules on a bound spec: S-3, S-4, P-3…P-6 (docs/spec.md#s-and-p-rules) and warnings W-1, W-2
 * (docs/spec.md#warnings).
 */
final class SpecRules {
    private SpecRules() {
    }

    /** S-3, S-4 then P-3…P-6, all failures. */
    static List<SpecIssue> errors(Spec s) {
        List<SpecIssue> out = new ArrayList<>();
        Acquisition a = s.acquisition();
        double minFov = Math.min(a.fovHeightUm(), a.fovWidthUm());
        s.step(PlaceNeurons.class).ifPresent(pn -> {
            List<NeuronPopulation> pops = pn.resolvedPopulations();
            double maxR = 0;
            int at = 0;
            for (int i = 0; i < pops.size(); i++) {
                if (pops.get(i).somaRadiusUm() > maxR) {
                    maxR = pops.get(i).somaRadiusUm();
                    at = i;
                }
            }
            if (2 * maxR > minFov) {
                String path = pn.populations() == null ? "steps.place_neurons.soma_radius_um"
                        : "steps.place_neurons.populations[" + at + "].soma_radius_um";
                out.add(new SpecIssue("S-3", path, JsonFloat.format(maxR), "a soma diameter of "
                        + JsonFloat.format(2 * maxR) + " µm does not fit the field of view (" + JsonFloat.format(minFov)
                        + " µm on its smaller side)"));
            }
        });
        s.step(CellActivity.class).ifPresent(ca -> {
            if (ca.tauDecayS() * a.fps() < 1) {
                out.add(new SpecIssue("S-4", "steps.cell_activity.tau_decay_s", JsonFloat.format(ca.tauDecayS()),
                        "tau_decay_s × fps must be >= 1 (the decay must last at least one frame at "
                                + JsonFloat.format(a.fps()) + " Hz)"));
            }
        });
        s.step(CellActivity.class).ifPresent(ca -> {
            if (ca.tauRiseS() >= ca.tauDecayS()) {
                out.add(new SpecIssue("P-3", "steps.cell_activity.tau_rise_s", JsonFloat.format(ca.tauRiseS()),
                        "tau_rise_s must be < tau_decay_s (" + JsonFloat.format(ca.tauDecayS()) + ")"));
            }
        });
        int frames = a.nFrames();
        if (frames < 1) {
            out.add(new SpecIssue("P-4", "acquisition.duration_s", JsonFloat.format(a.durationS()),
                    "the recording has no frame: duration_s × fps rounds to " + frames));
        }
        s.step(BrainMotion.class).ifPresent(m -> {
            if (m.trajectoryUm() != null && m.trajectoryUm().size() != frames) {
                out.add(new SpecIssue("P-5", "steps.brain_motion.trajectory_um",
                        m.trajectoryUm().size() + " entries", "trajectory_um has " + m.trajectoryUm().size()
                        + " entries but the recording has " + frames + " frames"));
            }
        });
        s.step(Leakage.class).ifPresent(l -> {
            if (l.sigmaUm() != null && l.sigmaUm() <= 0) {
                out.add(new SpecIssue("P-6", "steps.leakage.sigma_um", JsonFloat.format(l.sigmaUm()),
                        "sigma_um must be > 0 or null (a quarter of the smaller FOV side)"));
            }
        });
        return out;
    }

    /** W-1, W-2. */
    static List<SpecIssue> warnings(Spec s) {
        List<SpecIssue> out = new ArrayList<>();
        Acquisition a = s.acquisition();
        if (a.focalDepthInTissueUm().isNumber()) {
            double f = a.focalDepthInTissueUm().value();
            s.step(PlaceNeurons.class).ifPresent(pn -> {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (NeuronPopulation p : pn.resolvedPopulations()) {
                    if (p.positionsUm() != null) {
                        for (Position3 q : p.positionsUm()) {
                            lo = Math.min(lo, q.z());
                            hi = Math.max(hi, q.z());
                        }
                    } else {
                        lo = Math.min(lo, p.depthRangeUm().lo());
                        hi = Math.max(hi, p.depthRangeUm().hi());
                    }
                }
                if (lo <= hi && (f < lo || f > hi)) {
                    out.add(new SpecIssue("W-1", "acquisition.focal_depth_in_tissue_um", JsonFloat.format(f),
                            "the focal plane lies outside the cell depths [" + JsonFloat.format(lo) + ", "
                                    + JsonFloat.format(hi) + "] µm"));
                }
            });
        }
        s.step(BrainMotion.class).ifPresent(m -> {
            double extent = m.trajectoryUm() != null ? m.trajectoryExtentUm()
                    : m.model() == BrainMotion.Model.PHYSICAL ? m.motionAmplitudeUm() : m.maxShiftUm();
            double minFov = Math.min(a.fovHeightUm(), a.fovWidthUm());
            if (extent > 0.05 * minFov) {
                out.add(new SpecIssue("W-2", "steps.brain_motion", JsonFloat.format(extent),
                        "motion extent " + JsonFloat.format(extent) + " µm exceeds 5% of the field of view ("
                                + JsonFloat.format(minFov) + " µm)"));
            }
        });
        return out;
    }
}
