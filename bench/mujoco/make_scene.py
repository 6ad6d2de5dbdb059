#!/usr/bin/env python3
"""Write the MuJoCo (MJCF) twin of Mantis's physics benchmark scene.

The scene: a table (static box 1.2 x 1.6 x 0.05 m, top face at z = 0), a floor plane at
z = -0.8, the Panda arm of panda.urdf fixed at (-0.615, 0, 0) on the table top holding the pose
Q_HOLD with a joint-space PD controller, and N free 0.04 m cubes (0.1 kg) resting on the table in
rows of ten. Gravity (0, 0, -9.81) m/s^2, timestep 1/240 s, MuJoCo's default solver otherwise.

Everything about the arm (joint origins and axes, limits, efforts, damping, masses, inertias and
their frames, collision primitives) is read from the URDF, so the MJCF follows the URDF.

How the PD hold is expressed (the only part that is not a literal translation):
  * Q_HOLD is baked into the body placements: a moving body's pos/quat is the URDF joint origin
    composed with the joint motion at Q_HOLD, so MJCF joint value 0 means q = Q_HOLD, and each
    joint range is the URDF range minus Q_HOLD.
  * The P term is a `position` actuator with kp = KP and zero control:
    force = kp * (ctrl - qpos) = -KP * (q - Q_HOLD).
    mujoco-testspeed sets ctrl = 0 (+ noise, 0 here) every step, so the target stays at Q_HOLD.
    forcerange is the URDF effort limit (the PD torque is clamped to it; never reached at rest).
  * The D term is joint `damping` = KD + the URDF <dynamics damping>: force = -(KD + d) * qdot,
    the same force a PD with target velocity 0 plus the URDF's viscous damping gives.
    MuJoCo's default Euler integrator integrates joint damping implicitly, so this is at least
    as stable as an explicit PD at the same rate; the force law is identical.
  Joint `stiffness` would give the same P force; an actuator is used so that testspeed's
  ctrlnoise (if ever non-zero) perturbs the hold the way a noisy controller would.

Left out, on purpose (see README.md): URDF joint `friction` (MuJoCo frictionloss adds a
constraint row per joint that a Bullet PD-by-torque arm does not have; --frictionloss adds it),
the finger <mimic> (each finger is held open by its own PD, no equality constraint), and
arm-arm contacts (arm geoms collide with the table, the floor and the boxes only).

Usage:
  make_scene.py N [N ...]          write arm_boxes_N.xml next to this script for each N
  make_scene.py --all              N = 10, 50, 200
  options: --urdf PATH, --out-dir DIR, --frictionloss, --quiet
Standard library only.
"""

import argparse
import math
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_URDF = os.path.normpath(os.path.join(
    HERE, "..", "..", "assets", "src", "main", "resources", "mantis", "robots", "panda", "panda.urdf"))

# ---- the benchmark scene (must match `mantis sim bench`) -------------------------------------
TIMESTEP = 1.0 / 240.0                    # s
GRAVITY = (0.0, 0.0, -9.81)               # m/s^2
TABLE_HALF = (0.6, 0.8, 0.025)            # m; top face at z = 0
FLOOR_Z = -0.8                            # m
BASE_LINK = "panda_link0"
BASE_POS = (-0.615, 0.0, 0.0)             # m, panda_link0 frame on the table top
Q_HOLD = {                                # rad (arm), m (fingers)
    "panda_joint1": 0.0, "panda_joint2": -0.3, "panda_joint3": 0.0, "panda_joint4": -2.2,
    "panda_joint5": 0.0, "panda_joint6": 2.0, "panda_joint7": 0.785,
    "panda_finger_joint1": 0.04, "panda_finger_joint2": 0.04,
}
GAINS = {                                 # (kp, kd): N m/rad, N m s/rad; fingers N/m, N s/m
    "panda_joint1": (400.0, 40.0), "panda_joint2": (400.0, 40.0),
    "panda_joint3": (400.0, 40.0), "panda_joint4": (400.0, 40.0),
    "panda_joint5": (100.0, 10.0), "panda_joint6": (100.0, 10.0), "panda_joint7": (100.0, 10.0),
    "panda_finger_joint1": (1000.0, 50.0), "panda_finger_joint2": (1000.0, 50.0),
}
BOX_EDGE = 0.04                           # m
BOX_MASS = 0.1                            # kg
BOX_FRICTION = 1.0                        # sliding; MuJoCo's default torsional/rolling kept
BOXES_PER_ROW = 10
BOX_PITCH = 0.06                          # m
BOX_ORIGIN = (-0.2, -0.57)                # m, centre of box 0


def box_position(i):
    """Centre of box i (m): rows of ten along x, rows stacked along +y, resting on the table."""
    return (BOX_ORIGIN[0] + BOX_PITCH * (i % BOXES_PER_ROW),
            BOX_ORIGIN[1] + BOX_PITCH * (i // BOXES_PER_ROW),
            BOX_EDGE / 2.0)


# ---- rotations: quaternions (w, x, y, z), 3x3 matrices as row lists ---------------------------
def quat_mul(a, b):
    aw, ax, ay, az = a
    bw, bx, by, bz = b
    return (aw * bw - ax * bx - ay * by - az * bz,
            aw * bx + ax * bw + ay * bz - az * by,
            aw * by - ax * bz + ay * bw + az * bx,
            aw * bz + ax * by - ay * bx + az * bw)


def quat_axis_angle(axis, angle):
    s = math.sin(angle / 2.0)
    return (math.cos(angle / 2.0), axis[0] * s, axis[1] * s, axis[2] * s)


def quat_rpy(rpy):
    """URDF fixed-axis roll-pitch-yaw: R = Rz(yaw) Ry(pitch) Rx(roll)."""
    r, p, y = rpy
    return quat_mul(quat_axis_angle((0, 0, 1), y),
                    quat_mul(quat_axis_angle((0, 1, 0), p), quat_axis_angle((1, 0, 0), r)))


def quat_normalize(q):
    n = math.sqrt(sum(c * c for c in q))
    q = tuple(c / n for c in q)
    return q if q[0] >= 0 else tuple(-c for c in q)


def quat_to_mat(q):
    w, x, y, z = q
    return [[1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
            [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
            [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)]]


def mat_to_quat(m):
    tr = m[0][0] + m[1][1] + m[2][2]
    if tr > 0:
        s = math.sqrt(tr + 1.0) * 2
        q = (0.25 * s, (m[2][1] - m[1][2]) / s, (m[0][2] - m[2][0]) / s, (m[1][0] - m[0][1]) / s)
    elif m[0][0] > m[1][1] and m[0][0] > m[2][2]:
        s = math.sqrt(1.0 + m[0][0] - m[1][1] - m[2][2]) * 2
        q = ((m[2][1] - m[1][2]) / s, 0.25 * s, (m[0][1] + m[1][0]) / s, (m[0][2] + m[2][0]) / s)
    elif m[1][1] > m[2][2]:
        s = math.sqrt(1.0 + m[1][1] - m[0][0] - m[2][2]) * 2
        q = ((m[0][2] - m[2][0]) / s, (m[0][1] + m[1][0]) / s, 0.25 * s, (m[1][2] + m[2][1]) / s)
    else:
        s = math.sqrt(1.0 + m[2][2] - m[0][0] - m[1][1]) * 2
        q = ((m[1][0] - m[0][1]) / s, (m[0][2] + m[2][0]) / s, (m[1][2] + m[2][1]) / s, 0.25 * s)
    return quat_normalize(q)


def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def mat_t(a):
    return [[a[j][i] for j in range(3)] for i in range(3)]


def mat_vec(m, v):
    return tuple(sum(m[i][k] * v[k] for k in range(3)) for i in range(3))


class Pose:
    """Rigid transform: p (tuple) and q (unit quaternion)."""

    def __init__(self, p=(0.0, 0.0, 0.0), q=(1.0, 0.0, 0.0, 0.0)):
        self.p = tuple(p)
        self.q = quat_normalize(q)

    def __mul__(self, other):
        r = quat_to_mat(self.q)
        p = mat_vec(r, other.p)
        return Pose(tuple(self.p[i] + p[i] for i in range(3)), quat_mul(self.q, other.q))

    def apply(self, v):
        r = quat_to_mat(self.q)
        w = mat_vec(r, v)
        return tuple(self.p[i] + w[i] for i in range(3))


def jacobi_eigen(a):
    """Eigen-decomposition of a symmetric 3x3 matrix: (values, V) with a = V diag(values) V^T,
    V a proper rotation (det +1)."""
    a = [row[:] for row in a]
    v = [[1.0 if i == j else 0.0 for j in range(3)] for i in range(3)]
    for _ in range(50):
        off = abs(a[0][1]) + abs(a[0][2]) + abs(a[1][2])
        if off < 1e-18:
            break
        for p, q in ((0, 1), (0, 2), (1, 2)):
            if abs(a[p][q]) < 1e-300:
                continue
            theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q])
            t = math.copysign(1.0, theta) / (abs(theta) + math.sqrt(theta * theta + 1.0))
            c = 1.0 / math.sqrt(t * t + 1.0)
            s = t * c
            rot = [[1.0 if i == j else 0.0 for j in range(3)] for i in range(3)]
            rot[p][p] = c
            rot[q][q] = c
            rot[p][q] = s
            rot[q][p] = -s
            a = mat_mul(mat_t(rot), mat_mul(a, rot))
            v = mat_mul(v, rot)
    values = [a[i][i] for i in range(3)]
    det = (v[0][0] * (v[1][1] * v[2][2] - v[1][2] * v[2][1])
           - v[0][1] * (v[1][0] * v[2][2] - v[1][2] * v[2][0])
           + v[0][2] * (v[1][0] * v[2][1] - v[1][1] * v[2][0]))
    if det < 0:
        for i in range(3):
            v[i][2] = -v[i][2]
    return values, v


# ---- URDF reading ------------------------------------------------------------------------------
class UrdfError(Exception):
    pass


def floats(text, n, where):
    try:
        vals = tuple(float(x) for x in text.split())
    except ValueError:
        vals = ()
    if len(vals) != n:
        raise UrdfError(f"{where}: expected {n} numbers, got '{text}'")
    return vals


def origin_pose(elem, where):
    o = elem.find("origin") if elem is not None else None
    if o is None:
        return Pose()
    xyz = floats(o.get("xyz", "0 0 0"), 3, where + " <origin xyz>")
    rpy = floats(o.get("rpy", "0 0 0"), 3, where + " <origin rpy>")
    return Pose(xyz, quat_rpy(rpy))


class Link:
    def __init__(self, elem, urdf):
        self.name = elem.get("name")
        where = f"{urdf}: link '{self.name}'"
        self.mass = 0.0
        self.inertial = None          # (Pose of principal frame, diag inertia)
        inertial = elem.find("inertial")
        if inertial is not None:
            m = inertial.find("mass")
            if m is None:
                raise UrdfError(f"{where}: <inertial> without <mass>")
            self.mass = float(m.get("value"))
            i = inertial.find("inertia")
            if i is None:
                raise UrdfError(f"{where}: <inertial> without <inertia>")
            g = {k: float(i.get(k, "0")) for k in ("ixx", "ixy", "ixz", "iyy", "iyz", "izz")}
            full = [[g["ixx"], g["ixy"], g["ixz"]],
                    [g["ixy"], g["iyy"], g["iyz"]],
                    [g["ixz"], g["iyz"], g["izz"]]]
            frame = origin_pose(inertial, where + " <inertial>")
            values, vecs = jacobi_eigen(full)
            if self.mass <= 0 or min(values) <= 0:
                raise UrdfError(f"{where}: mass and principal inertias must be positive")
            self.inertial = (frame * Pose(q=mat_to_quat(vecs)), tuple(values))
        self.geoms = []               # (kind, mjcf size tuple, Pose)
        for k, col in enumerate(elem.findall("collision")):
            gw = f"{where} <collision> {k + 1}"
            geom = col.find("geometry")
            if geom is None or len(geom) != 1:
                raise UrdfError(f"{gw}: needs exactly one <geometry> shape")
            shape = geom[0]
            if shape.tag == "box":
                size = tuple(s / 2.0 for s in floats(shape.get("size", ""), 3, gw + " <box size>"))
                self.geoms.append(("box", size, origin_pose(col, gw)))
            elif shape.tag == "cylinder":
                r = float(shape.get("radius"))
                h = float(shape.get("length"))
                self.geoms.append(("cylinder", (r, h / 2.0), origin_pose(col, gw)))
            elif shape.tag == "sphere":
                self.geoms.append(("sphere", (float(shape.get("radius")),), origin_pose(col, gw)))
            else:
                raise UrdfError(f"{gw}: <{shape.tag}> is not supported; use box, cylinder or sphere")


class Joint:
    def __init__(self, elem, urdf):
        self.name = elem.get("name")
        where = f"{urdf}: joint '{self.name}'"
        self.type = elem.get("type")
        if self.type not in ("revolute", "prismatic", "fixed", "continuous"):
            raise UrdfError(f"{where}: type '{self.type}' is not supported")
        self.parent = elem.find("parent").get("link")
        self.child = elem.find("child").get("link")
        self.origin = origin_pose(elem, where)
        axis = elem.find("axis")
        a = floats(axis.get("xyz"), 3, where + " <axis>") if axis is not None else (1.0, 0.0, 0.0)
        n = math.sqrt(sum(c * c for c in a))
        if self.type != "fixed" and n == 0:
            raise UrdfError(f"{where}: zero <axis>")
        self.axis = tuple(c / n for c in a) if n else a
        lim = elem.find("limit")
        self.lower = self.upper = None
        self.effort = None
        if lim is not None:
            if lim.get("lower") is not None and lim.get("upper") is not None:
                self.lower, self.upper = float(lim.get("lower")), float(lim.get("upper"))
            if lim.get("effort") is not None:
                self.effort = float(lim.get("effort"))
        dyn = elem.find("dynamics")
        self.damping = float(dyn.get("damping", "0")) if dyn is not None else 0.0
        self.friction = float(dyn.get("friction", "0")) if dyn is not None else 0.0

    def motion(self, q):
        """Child frame relative to the joint frame at joint value q."""
        if self.type in ("revolute", "continuous"):
            return Pose(q=quat_axis_angle(self.axis, q))
        if self.type == "prismatic":
            return Pose(p=tuple(c * q for c in self.axis))
        return Pose()


def read_urdf(path):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise UrdfError(f"{path}: cannot read URDF: {e}")
    links = {e.get("name"): Link(e, path) for e in root.findall("link")}
    joints = [Joint(e, path) for e in root.findall("joint")]
    return links, joints


# ---- MJCF writing ------------------------------------------------------------------------------
def fmt(x):
    s = f"{x:.12g}"
    return "0" if s in ("-0", "0") else s


def vec(v):
    return " ".join(fmt(c) for c in v)


def is_identity_q(q):
    return abs(q[0] - 1.0) < 1e-12


def pose_attrs(pose):
    attrs = {"pos": vec(pose.p)}
    if not is_identity_q(pose.q):
        attrs["quat"] = vec(pose.q)
    return attrs


ARM_CONTYPE = "2"       # arm geoms: collide with contype-1 geoms (table, floor, boxes) only
ARM_CONAFFINITY = "1"


class Builder:
    def __init__(self, links, joints, frictionloss):
        self.links = links
        self.joints = joints
        self.children = {}
        for j in joints:
            self.children.setdefault(j.parent, []).append(j)
        self.frictionloss = frictionloss
        self.actuated = []           # joints that get a position actuator
        self.world_geoms = []        # (link, kind, size, world Pose) for the clearance check

    def emit_link(self, parent_elem, link_name, pose_in_parent, world, indent, joint=None):
        """Add link_name under parent_elem as a body at pose_in_parent (world: its world pose).

        A link with no mass and no geometry becomes a site on its parent, and its children are
        attached to the parent with the composed transform (URDF flange and TCP frames)."""
        link = self.links[link_name]
        if joint is None and link.inertial is None and not link.geoms:
            ET.SubElement(parent_elem, "site", {"name": link_name, **pose_attrs(pose_in_parent)})
            for j in self.children.get(link_name, []):
                self.emit_joint(parent_elem, j, pose_in_parent, world, indent)
            return
        body = ET.SubElement(parent_elem, "body", {"name": link_name, **pose_attrs(pose_in_parent)})
        if link.inertial is not None:
            frame, diag = link.inertial
            ET.SubElement(body, "inertial", {**pose_attrs(frame), "mass": fmt(link.mass),
                                             "diaginertia": vec(diag)})
        if joint is not None:
            self.emit_mjcf_joint(body, joint)
        for k, (kind, size, gpose) in enumerate(link.geoms):
            name = link_name if len(link.geoms) == 1 else f"{link_name}_{k + 1}"
            ET.SubElement(body, "geom", {"name": name, "type": kind, "size": vec(size),
                                         **pose_attrs(gpose), "contype": ARM_CONTYPE,
                                         "conaffinity": ARM_CONAFFINITY})
            self.world_geoms.append((link_name, kind, size, world * gpose))
        for j in self.children.get(link_name, []):
            self.emit_joint(body, j, Pose(), world, indent)

    def emit_joint(self, parent_elem, joint, prefix, parent_world, indent):
        if joint.type == "fixed":
            pose = prefix * joint.origin
            self.emit_link(parent_elem, joint.child, pose, parent_world * joint.origin, indent)
            return
        if joint.name not in Q_HOLD or joint.name not in GAINS:
            raise UrdfError(f"joint '{joint.name}' has no hold value or PD gains in make_scene.py")
        pose = prefix * joint.origin * joint.motion(Q_HOLD[joint.name])
        world = parent_world * joint.origin * joint.motion(Q_HOLD[joint.name])
        self.emit_link(parent_elem, joint.child, pose, world, indent, joint)

    def emit_mjcf_joint(self, body, joint):
        kp, kd = GAINS[joint.name]
        q0 = Q_HOLD[joint.name]
        attrs = {"name": joint.name,
                 "type": "hinge" if joint.type in ("revolute", "continuous") else "slide",
                 "axis": vec(joint.axis),
                 "damping": fmt(kd + joint.damping)}
        if joint.type != "continuous" and joint.lower is not None:
            attrs["limited"] = "true"
            attrs["range"] = vec((joint.lower - q0, joint.upper - q0))
        if self.frictionloss and joint.friction > 0:
            attrs["frictionloss"] = fmt(joint.friction)
        ET.SubElement(body, "joint", attrs)
        self.actuated.append(joint)


def build(urdf_path, n_boxes, frictionloss):
    links, joints = read_urdf(urdf_path)
    if BASE_LINK not in links:
        raise UrdfError(f"{urdf_path}: no link '{BASE_LINK}'")
    b = Builder(links, joints, frictionloss)

    mj = ET.Element("mujoco", {"model": f"mantis_bench_panda_{n_boxes}_boxes"})
    ET.SubElement(mj, "compiler", {"angle": "radian"})
    ET.SubElement(mj, "option", {"timestep": repr(TIMESTEP), "gravity": vec(GRAVITY)})
    # MuJoCo 2.2.2 preallocates contacts and constraint rows. A resting cube gives 4 contacts
    # with the table, 4 rows each (pyramidal cone, condim 3); room for 1.5 times that
    # (overflow would drop contacts with a warning; check_scene.c reports it).
    nconmax = 6 * n_boxes + 32
    ET.SubElement(mj, "size", {"nconmax": str(nconmax), "njmax": str(4 * nconmax + 32)})
    world = ET.SubElement(mj, "worldbody")
    ET.SubElement(world, "geom", {"name": "floor", "type": "plane", "pos": vec((0, 0, FLOOR_Z)),
                                  "size": "0 0 0.1"})
    ET.SubElement(world, "geom", {"name": "table", "type": "box", "size": vec(TABLE_HALF),
                                  "pos": vec((0, 0, -TABLE_HALF[2]))})
    base = Pose(BASE_POS)
    b.emit_link(world, BASE_LINK, base, base, 1)
    half = BOX_EDGE / 2.0
    for i in range(n_boxes):
        body = ET.SubElement(world, "body", {"name": f"box{i}", "pos": vec(box_position(i))})
        ET.SubElement(body, "freejoint", {"name": f"box{i}"})
        ET.SubElement(body, "geom", {"type": "box", "size": vec((half, half, half)),
                                     "mass": fmt(BOX_MASS),
                                     "friction": f"{fmt(BOX_FRICTION)} 0.005 0.0001"})
    act = ET.SubElement(mj, "actuator")
    for j in b.actuated:
        kp, _ = GAINS[j.name]
        attrs = {"name": j.name, "joint": j.name, "kp": fmt(kp)}
        if j.effort is not None:
            attrs["forcelimited"] = "true"
            attrs["forcerange"] = vec((-j.effort, j.effort))
        ET.SubElement(act, "position", attrs)
    return mj, b


def clearance_report(b, n_boxes):
    """Lowest point of the moving arm geoms and the smallest gap to the boxes' region (AABBs)."""
    lines = []
    lowest = None
    box_lo = [min(box_position(i)[k] for i in range(n_boxes)) - BOX_EDGE / 2 for k in range(2)]
    box_hi = [max(box_position(i)[k] for i in range(n_boxes)) + BOX_EDGE / 2 for k in range(2)]
    problems = []
    for link, kind, size, pose in b.world_geoms:
        if kind == "box":
            corners = [(sx * size[0], sy * size[1], sz * size[2])
                       for sx in (-1, 1) for sy in (-1, 1) for sz in (-1, 1)]
        elif kind == "cylinder":
            corners = [(sx * size[0], sy * size[0], sz * size[1])
                       for sx in (-1, 1) for sy in (-1, 1) for sz in (-1, 1)]
        else:
            corners = [(sx * size[0], sy * size[0], sz * size[0])
                       for sx in (-1, 1) for sy in (-1, 1) for sz in (-1, 1)]
        pts = [pose.apply(c) for c in corners]
        lo = [min(p[k] for p in pts) for k in range(3)]
        hi = [max(p[k] for p in pts) for k in range(3)]
        if link == BASE_LINK:
            continue          # the base stands on the table; it does not move
        if lowest is None or lo[2] < lowest[1]:
            lowest = (link, lo[2])
        over_boxes = lo[0] < box_hi[0] and hi[0] > box_lo[0] and lo[1] < box_hi[1] and hi[1] > box_lo[1]
        if over_boxes and lo[2] < BOX_EDGE:
            problems.append(f"{link} (AABB z from {lo[2]:.3f} m) reaches into the boxes' layer")
        if lo[2] < 0 and lo[0] < TABLE_HALF[0] and hi[0] > -TABLE_HALF[0]:
            problems.append(f"{link} (AABB z from {lo[2]:.3f} m) reaches below the table top")
        lines.append(f"  {link:18s} AABB x [{lo[0]:+.3f}, {hi[0]:+.3f}] y [{lo[1]:+.3f}, {hi[1]:+.3f}]"
                     f" z [{lo[2]:+.3f}, {hi[2]:+.3f}]")
    return lowest, lines, problems


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="*", type=int, help="numbers of boxes")
    ap.add_argument("--all", action="store_true", help="N = 10, 50, 200")
    ap.add_argument("--urdf", default=DEFAULT_URDF)
    ap.add_argument("--out-dir", default=HERE)
    ap.add_argument("--frictionloss", action="store_true",
                    help="add the URDF joint friction as MuJoCo frictionloss (not in the benchmark)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    ns = list(args.n) + ([10, 50, 200] if args.all else [])
    if not ns:
        ap.error("give N (number of boxes) or --all")
    for n in ns:
        if n < 0:
            ap.error(f"N must be >= 0, got {n}")
        try:
            mj, b = build(args.urdf, n, args.frictionloss)
        except UrdfError as e:
            print(f"make_scene.py: {e}", file=sys.stderr)
            return 1
        ET.indent(mj, space="  ")
        out = os.path.join(args.out_dir, f"arm_boxes_{n}.xml")
        header = (f"<!-- Generated by bench/mujoco/make_scene.py from {os.path.basename(args.urdf)}"
                  f" ({n} boxes); do not edit, rerun the generator.\n"
                  "     Joint value 0 is the hold pose q_hold = [0, -0.3, 0, -2.2, 0, 2.0, 0.785] rad,"
                  " fingers 0.04 m;\n"
                  "     P term: position actuators (kp, ctrl 0); D term: joint damping = kd + URDF"
                  " damping. -->\n")
        with open(out, "w", encoding="utf-8") as f:
            f.write(header)
            f.write(ET.tostring(mj, encoding="unicode"))
            f.write("\n")
        if n > 0:
            lowest, lines, problems = clearance_report(b, n)
        else:
            lowest, lines, problems = None, [], []
        if not args.quiet:
            print(f"wrote {out}")
            if lowest is not None:
                print(f"  lowest moving arm geom: {lowest[0]} at z = {lowest[1]:.3f} m (AABB)")
        for p in problems:
            print(f"make_scene.py: warning: {p}", file=sys.stderr)
        if not args.quiet and problems:
            print("\n".join(lines), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
