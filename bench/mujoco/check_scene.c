/*
 * check_scene: sanity checks for the generated MuJoCo benchmark scenes (arm_boxes_N.xml).
 *
 *   cc -O2 -o check_scene check_scene.c -lmujoco      (Debian: libmujoco-dev)
 *   ./check_scene arm_boxes_10.xml [SECONDS] [panda.urdf]
 *
 * 1. Loads the model and prints any compiler warning (mujoco-testspeed does not).
 * 2. With a URDF: loads it with MuJoCo's own URDF importer, sets the joints to q_hold and checks
 *    that every link frame there equals the baked body frame at qpos = 0 here (an independent
 *    check of the generator's transform code).
 * 3. Steps SECONDS (default 10) of simulated time with ctrl = 0, as testspeed does, and reports:
 *    the arm's steady offset from q_hold (gravity sag of a PD without gravity compensation) and
 *    its final joint speeds; each box's displacement and final speed; contacts per step and
 *    contacts that involve the arm; MuJoCo's warning counters.
 * Exits 1 if a check fails, 2 if the model cannot be loaded.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mujoco/mujoco.h>

static const char* ARM_JOINTS[] = {
  "panda_joint1", "panda_joint2", "panda_joint3", "panda_joint4", "panda_joint5",
  "panda_joint6", "panda_joint7", "panda_finger_joint1", "panda_finger_joint2"};
static const double Q_HOLD[] = {0, -0.3, 0, -2.2, 0, 2.0, 0.785, 0.04, 0.04};
static const double BASE_POS[3] = {-0.615, 0, 0};
enum { NARM = 9 };

static int is_box_body(const mjModel* m, int body) {
  const char* name = mj_id2name(m, mjOBJ_BODY, body);
  return name && strncmp(name, "box", 3) == 0;
}

static int compare_with_urdf(const mjModel* m, mjData* d, const char* urdf) {
  char error[1000] = "";
  mjModel* u = mj_loadXML(urdf, NULL, error, sizeof(error));
  if (!u) {
    printf("urdf: cannot load %s: %s\n", urdf, error);
    return 1;
  }
  mjData* ud = mj_makeData(u);
  for (int k = 0; k < NARM; k++) {
    int j = mj_name2id(u, mjOBJ_JOINT, ARM_JOINTS[k]);
    if (j < 0) {
      printf("urdf: no joint %s\n", ARM_JOINTS[k]);
      return 1;
    }
    ud->qpos[u->jnt_qposadr[j]] = Q_HOLD[k];
  }
  mj_kinematics(u, ud);
  mj_resetData(m, d);
  mj_kinematics(m, d);
  double worst_p = 0, worst_r = 0;
  int compared = 0;
  for (int b = 1; b < u->nbody; b++) {
    const char* name = mj_id2name(u, mjOBJ_BODY, b);
    int mb = name ? mj_name2id(m, mjOBJ_BODY, name) : -1;
    if (mb < 0) continue;
    for (int i = 0; i < 3; i++) {
      double e = fabs(ud->xpos[3 * b + i] + BASE_POS[i] - d->xpos[3 * mb + i]);
      if (e > worst_p) worst_p = e;
    }
    for (int i = 0; i < 9; i++) {
      double e = fabs(ud->xmat[9 * b + i] - d->xmat[9 * mb + i]);
      if (e > worst_r) worst_r = e;
    }
    compared++;
  }
  printf("urdf: %d link frames compared with MuJoCo's URDF import at q_hold: "
         "max position error %.2e m, max rotation-matrix error %.2e\n",
         compared, worst_p, worst_r);
  mj_deleteData(ud);
  mj_deleteModel(u);
  return compared >= 8 && worst_p < 1e-9 && worst_r < 1e-9 ? 0 : 1;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: check_scene MODEL.xml [SECONDS] [panda.urdf]\n");
    return 2;
  }
  double seconds = argc > 2 ? atof(argv[2]) : 10.0;
  char error[1000] = "";
  mjModel* m = mj_loadXML(argv[1], NULL, error, sizeof(error));
  if (!m) {
    printf("load: FAILED: %s\n", error);
    return 2;
  }
  int fail = 0;
  if (error[0]) {
    printf("load: WARNING: %s\n", error);
    fail = 1;
  } else {
    printf("load: ok, no warnings (nbody %d, nv %d, nu %d, nconmax %d, njmax %d, dt %.9g s)\n",
           m->nbody, m->nv, m->nu, m->nconmax, m->njmax, m->opt.timestep);
  }
  mjData* d = mj_makeData(m);
  if (argc > 3) fail |= compare_with_urdf(m, d, argv[3]);

  int jadr[NARM], dadr[NARM];
  for (int k = 0; k < NARM; k++) {
    int j = mj_name2id(m, mjOBJ_JOINT, ARM_JOINTS[k]);
    if (j < 0) {
      printf("model: no joint %s\n", ARM_JOINTS[k]);
      return 2;
    }
    jadr[k] = m->jnt_qposadr[j];
    dadr[k] = m->jnt_dofadr[j];
  }
  mj_resetData(m, d);
  mj_forward(m, d);
  double* box0 = calloc(3 * (size_t)m->nbody, sizeof(double));
  memcpy(box0, d->xpos, 3 * sizeof(double) * m->nbody);

  int nstep = (int)llround(seconds / m->opt.timestep);
  double ncon_sum = 0, arm_speed_last = 0;
  int ncon_max = 0, arm_contacts = 0;
  double max_box_drop = 0;
  for (int s = 0; s < nstep; s++) {
    mju_zero(d->ctrl, m->nu);
    mj_step(m, d);
    ncon_sum += d->ncon;
    if (d->ncon > ncon_max) ncon_max = d->ncon;
    for (int c = 0; c < d->ncon; c++) {
      int b1 = m->geom_bodyid[d->contact[c].geom1], b2 = m->geom_bodyid[d->contact[c].geom2];
      if ((b1 && !is_box_body(m, b1)) || (b2 && !is_box_body(m, b2))) arm_contacts++;
    }
    for (int b = 1; b < m->nbody; b++)
      if (is_box_body(m, b)) {
        double drop = box0[3 * b + 2] - d->xpos[3 * b + 2];
        if (drop > max_box_drop) max_box_drop = drop;
      }
  }
  for (int k = 0; k < NARM; k++) {
    double v = fabs(d->qvel[dadr[k]]);
    if (v > arm_speed_last) arm_speed_last = v;
  }

  printf("sim: %d steps (%.2f s simulated), contacts per step %.2f (max %d)\n", nstep,
         nstep * m->opt.timestep, ncon_sum / (nstep ? nstep : 1), ncon_max);
  printf("arm: offset from q_hold at the end (rad; fingers m):");
  for (int k = 0; k < NARM; k++) printf(" %+.4f", d->qpos[jadr[k]]);
  printf("\narm: final max |joint speed| %.2e; contacts involving the arm or base over the run: %d\n",
         arm_speed_last, arm_contacts);
  if (arm_speed_last > 1e-3) {
    printf("arm: FAIL, still moving\n");
    fail = 1;
  }
  if (arm_contacts) {
    printf("arm: FAIL, the arm touches something\n");
    fail = 1;
  }

  double max_disp = 0, max_xy = 0, max_speed = 0;
  int nbox = 0;
  for (int b = 1; b < m->nbody; b++) {
    if (!is_box_body(m, b)) continue;
    nbox++;
    double dx = d->xpos[3 * b] - box0[3 * b], dy = d->xpos[3 * b + 1] - box0[3 * b + 1];
    double dz = d->xpos[3 * b + 2] - box0[3 * b + 2];
    double disp = sqrt(dx * dx + dy * dy + dz * dz), xy = sqrt(dx * dx + dy * dy);
    if (disp > max_disp) max_disp = disp;
    if (xy > max_xy) max_xy = xy;
    int dof = m->jnt_dofadr[m->body_jntadr[b]];
    for (int i = 0; i < 6; i++) {
      double v = fabs(d->qvel[dof + i]);
      if (v > max_speed) max_speed = v;
    }
  }
  if (nbox) {
    printf("boxes: %d; max displacement %.2e m (horizontal %.2e m, largest sink during the run "
           "%.2e m); final max |qvel| %.2e\n", nbox, max_disp, max_xy, max_box_drop, max_speed);
    if (max_disp > 1e-3 || max_speed > 1e-3) {
      printf("boxes: FAIL, not at rest\n");
      fail = 1;
    }
  }

  int warned = 0;
  for (int w = 0; w < mjNWARNING; w++)
    if (d->warning[w].number) {
      printf("mujoco: WARNING %d raised %d times (last info %d)\n", w, d->warning[w].number,
             d->warning[w].lastinfo);
      warned = 1;
    }
  if (warned) fail = 1;
  else printf("mujoco: no runtime warnings\n");
  printf("%s\n", fail ? "RESULT: FAIL" : "RESULT: ok");
  free(box0);
  mj_deleteData(d);
  mj_deleteModel(m);
  return fail;
}
