package dev.mantis.robot.ros.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mantis.robot.ros.msg.geometry_msgs.PoseStamped;
import dev.mantis.robot.ros.msg.rosgraph_msgs.Log;
import dev.mantis.robot.ros.msg.sensor_msgs.JointState;
import dev.mantis.robot.ros.msg.std_msgs.Float64MultiArray;
import dev.mantis.robot.ros.msg.std_msgs.MultiArrayDimension;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectory;
import dev.mantis.robot.ros.msg.trajectory_msgs.JointTrajectoryPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated bytes to the generated deserializers and to the JSON codec: the only
 * exception allowed is {@link MessageFormatException}, and length prefixes cannot make them
 * allocate more than the input could hold.
 */
class DeserializerFuzzTest {

    private static final int CASES = 100_000;

    @Test
    void randomAndMutatedMessagesThrowOnlyMessageFormatException() {
        SplittableRandom rng = new SplittableRandom(20261127L);
        List<Message> seeds = seeds(rng);
        JsonMessageCodec json = JsonMessageCodec.builtIn();
        MessageInput in = new MessageInput();
        int rejected = 0;
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            Message seed = seeds.get(i % seeds.size());
            byte[] bytes = mutate(seedBytes(seed), rng);
            Message target = seed.type().create();
            try {
                in.reset(bytes, 0, bytes.length);
                target.read(in);
                accepted++;
            } catch (MessageFormatException e) {
                rejected++;
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("case " + i + " (" + seed.type() + ", " + bytes.length + " bytes) threw " + e, e);
            }
            if (i % 4 == 0) {
                try {
                    in.reset(bytes, 0, bytes.length);
                    json.read(seed.type().name(), in);
                } catch (MessageFormatException e) {
                    // declared
                } catch (RuntimeException | OutOfMemoryError e) {
                    fail("JSON case " + i + " (" + seed.type() + ") threw " + e, e);
                }
            }
        }
        assertEquals(CASES, rejected + accepted);
        assertTrue(rejected > CASES / 4, "too few rejected: " + rejected);
        assertTrue(accepted > CASES / 20, "too few accepted: " + accepted);
    }

    private static byte[] seedBytes(Message m) {
        MessageOutput out = new MessageOutput(64);
        m.write(out);
        return out.toByteArray();
    }

    private static byte[] mutate(byte[] valid, SplittableRandom rng) {
        int kind = rng.nextInt(5);
        switch (kind) {
            case 0: {
                byte[] random = new byte[rng.nextInt(300)];
                rng.nextBytes(random);
                return random;
            }
            case 1:
                return Arrays.copyOf(valid, rng.nextInt(valid.length + 1));
            case 2: {
                byte[] b = valid.clone();
                for (int k = rng.nextInt(1, 5); k > 0 && b.length > 0; k--) {
                    b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
                }
                return b;
            }
            case 3: {
                byte[] b = valid.clone();
                if (b.length >= 4) {
                    int at = rng.nextInt(b.length - 3);
                    int value = rng.nextBoolean() ? -1 - rng.nextInt(1000) : rng.nextInt();
                    b[at] = (byte) value;
                    b[at + 1] = (byte) (value >> 8);
                    b[at + 2] = (byte) (value >> 16);
                    b[at + 3] = (byte) (value >> 24);
                }
                return b;
            }
            default:
                return valid;
        }
    }

    private static List<Message> seeds(SplittableRandom rng) {
        List<Message> seeds = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            int joints = 1 + rng.nextInt(9);
            JointState js = new JointState();
            js.header.frame_id = "frame" + s;
            js.name = new String[joints];
            js.position = new double[joints];
            js.velocity = new double[joints];
            for (int j = 0; j < joints; j++) {
                js.name[j] = "joint_" + j;
                js.position[j] = rng.nextDouble();
            }
            seeds.add(js);

            JointTrajectory jt = new JointTrajectory();
            jt.joint_names = Arrays.copyOf(js.name, joints);
            jt.points = new JointTrajectoryPoint[1 + rng.nextInt(4)];
            for (int p = 0; p < jt.points.length; p++) {
                jt.points[p] = new JointTrajectoryPoint();
                jt.points[p].positions = js.position.clone();
                jt.points[p].time_from_start = RosDuration.ofSeconds(p * 0.1);
            }
            seeds.add(jt);

            PoseStamped pose = new PoseStamped();
            pose.pose.position.x = rng.nextDouble();
            pose.pose.orientation.w = 1;
            seeds.add(pose);

            Float64MultiArray array = new Float64MultiArray();
            array.layout.dim = new MultiArrayDimension[] {new MultiArrayDimension()};
            array.layout.dim[0].label = "x";
            array.layout.dim[0].size = joints;
            array.data = js.position.clone();
            seeds.add(array);

            Log log = new Log();
            log.level = Log.INFO;
            log.msg = "hello " + s;
            log.topics = new String[] {"/a", "/b"};
            seeds.add(log);
        }
        return seeds;
    }
}
