// The roscpp side of bench/run-ros-latency.sh: the same sensor_msgs/JointState (7 joints)
// publisher and latency-measuring subscriber as dev.mantis.bench.ros.RosLatency and latency.py.
// The subscriber runs its callbacks the way a roscpp node usually does: roscpp's receive thread
// queues them and the main thread spins the global callback queue (what ros::spin() does).
//
// Usage: latency pub|sub TOPIC RATE_HZ COUNT WARMUP (ROS_MASTER_URI set)
#include <ros/callback_queue.h>
#include <ros/ros.h>
#include <sensor_msgs/JointState.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

// The wall clock in microseconds since the epoch, as time.time() and Instant.now() read it.
int64_t nowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void sleepSeconds(double s) { ros::WallDuration(s).sleep(); }

int publish(const std::string& topic, double rate, int total) {
  ros::NodeHandle nh;
  ros::Publisher pub = nh.advertise<sensor_msgs::JointState>(topic, total);
  while (pub.getNumSubscribers() == 0 && ros::ok()) {
    sleepSeconds(0.01);
  }
  sleepSeconds(0.5);
  sensor_msgs::JointState js;
  js.name.resize(7);
  js.position.assign(7, 0.0);
  js.velocity.assign(7, 0.0);
  js.effort.assign(7, 0.0);
  for (int i = 0; i < 7; i++) {
    js.name[i] = "panda_joint" + std::to_string(i + 1);
  }
  const int64_t periodNanos = static_cast<int64_t>(1e9 / rate);
  timespec next;
  clock_gettime(CLOCK_MONOTONIC, &next);
  for (int n = 0; n < total && ros::ok(); n++) {
    for (int i = 0; i < 7; i++) {
      js.position[i] = 0.001 * n + i;
    }
    js.header.seq = n;
    int64_t us = nowMicros();
    js.header.stamp = ros::Time(static_cast<uint32_t>(us / 1000000), static_cast<uint32_t>(us % 1000000) * 1000);
    pub.publish(js);
    next.tv_nsec += periodNanos;
    while (next.tv_nsec >= 1000000000L) {
      next.tv_nsec -= 1000000000L;
      next.tv_sec++;
    }
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr);
  }
  sleepSeconds(1.0);
  return 0;
}

int subscribe(const std::string& topic, int count, int warmup) {
  ros::NodeHandle nh;
  std::vector<int64_t> latency;
  latency.reserve(count);
  int received = 0;
  auto onMessage = [&](const sensor_msgs::JointState::ConstPtr& js) {
    int64_t now = nowMicros();
    received++;
    if (received > warmup && static_cast<int>(latency.size()) < count) {
      int64_t stamp = static_cast<int64_t>(js->header.stamp.sec) * 1000000 + js->header.stamp.nsec / 1000;
      latency.push_back(now - stamp);
    }
  };
  ros::Subscriber sub = nh.subscribe<sensor_msgs::JointState>(topic, 10000, onMessage, ros::VoidConstPtr(),
                                                              ros::TransportHints().tcpNoDelay());
  ros::WallTime deadline = ros::WallTime::now() + ros::WallDuration(120.0);
  while (static_cast<int>(latency.size()) < count && ros::ok() && ros::WallTime::now() < deadline) {
    ros::getGlobalCallbackQueue()->callAvailable(ros::WallDuration(0.1));
  }
  if (static_cast<int>(latency.size()) < count) {
    std::fprintf(stderr, "latency sub: only %d messages received\n", received);
    return 1;
  }
  std::sort(latency.begin(), latency.end());
  std::printf("p50_us %lld p99_us %lld n %d\n", static_cast<long long>(latency[count / 2]),
              static_cast<long long>(latency[static_cast<int>(count * 0.99)]), count);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6 || (std::string(argv[1]) != "pub" && std::string(argv[1]) != "sub")) {
    std::fprintf(stderr, "usage: latency pub|sub TOPIC RATE_HZ COUNT WARMUP\n");
    return 2;
  }
  std::string role = argv[1];
  std::string topic = argv[2];
  double rate = std::atof(argv[3]);
  int count = std::atoi(argv[4]);
  int warmup = std::atoi(argv[5]);
  int rosArgc = 1;
  ros::init(rosArgc, argv, role == "pub" ? "latency_pub_cpp" : "latency_sub_cpp");
  int rc = role == "pub" ? publish(topic, rate, count + warmup) : subscribe(topic, count, warmup);
  ros::shutdown();
  return rc;
}
