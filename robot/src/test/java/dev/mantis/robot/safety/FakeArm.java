package dev.mantis.robot.safety;

import dev.mantis.robot.Robot;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A panda arm that tracks joint commands perfectly (a position target is reached at once, a
 * velocity is integrated over {@link #dt}) and reports state stamped with {@link #stamp}; it keeps
 * every action forwarded to it. End-effector deltas are only recorded.
 */
final class FakeArm implements Robot {

    static final RobotModel PANDA = new UrdfLoader(new MeshResolver(List.of()))
            .load(dev.mantis.assets.BundledRobots.find("panda").orElseThrow().url());
    static final List<String> JOINTS = List.of("panda_joint1", "panda_joint2", "panda_joint3", "panda_joint4",
            "panda_joint5", "panda_joint6", "panda_joint7");
    static final double[] REST = {0.0, -0.785, 0.0, -2.356, 0.0, 1.571, 0.785};

    final double[] q = REST.clone();
    final List<Action> forwarded = new ArrayList<>();
    double stamp;
    double dt = 0.01;
    private final String controller;
    private final ObservationSpec observationSpec;
    private final ActionSpec actionSpec;

    FakeArm(String controller) {
        this.controller = controller;
        List<String> names = new ArrayList<>(JOINTS);
        names.add("gripper.width");
        observationSpec = new ObservationSpec(List.of(FeatureSpec.vector("observation.state", names, "rad or m")));
        List<String> actionNames = new ArrayList<>(controller.equals("pd_ee_delta_pose")
                ? List.of("ee.dx", "ee.dy", "ee.dz", "ee.drx", "ee.dry", "ee.drz") : JOINTS);
        actionNames.add("gripper.width");
        double[] lo = new double[actionNames.size()];
        double[] hi = new double[actionNames.size()];
        Arrays.fill(lo, -10);
        Arrays.fill(hi, 10);
        lo[lo.length - 1] = 0;
        hi[hi.length - 1] = 0.08;
        actionSpec = new ActionSpec(controller, FeatureSpec.vector("action", actionNames, "rad or m", lo, hi));
    }

    @Override
    public String robotType() {
        return "panda";
    }

    @Override
    public ObservationSpec observationSpec() {
        return observationSpec;
    }

    @Override
    public ActionSpec actionSpec() {
        return actionSpec;
    }

    @Override
    public void connect() {
    }

    @Override
    public Observation observe() {
        double[] state = Arrays.copyOf(q, 8);
        state[7] = 0.04;
        return new Observation(observationSpec, stamp, new double[][] {state});
    }

    @Override
    public Action act(Action action) {
        forwarded.add(action);
        for (int k = 0; k < 7; k++) {
            switch (controller) {
                case "pd_joint_pos" -> q[k] = action.get(k);
                case "pd_joint_delta_pos" -> q[k] += action.get(k);
                case "pd_joint_vel" -> q[k] += action.get(k) * dt;
                default -> {
                }
            }
        }
        return action;
    }

    @Override
    public void close() {
    }
}
