// A roscpp peer for Mantis's interoperability tests: republishes every std_msgs/String and
// std_msgs/Float64MultiArray it receives on ~in_string / ~in_array to ~out_string / ~out_array
// (latched), so a Java publisher and subscriber exercise both directions through roscpp.
#include <ros/ros.h>
#include <std_msgs/Float64MultiArray.h>
#include <std_msgs/String.h>

int main(int argc, char** argv) {
  ros::init(argc, argv, "roscpp_echo");
  ros::NodeHandle node("~");
  ros::Publisher out_string = node.advertise<std_msgs::String>("out_string", 10, true);
  ros::Publisher out_array = node.advertise<std_msgs::Float64MultiArray>("out_array", 10, true);
  ros::Subscriber in_string = node.subscribe<std_msgs::String>(
      "in_string", 10, [&](const std_msgs::String::ConstPtr& m) { out_string.publish(*m); });
  ros::Subscriber in_array = node.subscribe<std_msgs::Float64MultiArray>(
      "in_array", 10, [&](const std_msgs::Float64MultiArray::ConstPtr& m) { out_array.publish(*m); });
  ROS_INFO("roscpp_echo up");
  ros::spin();
  return 0;
}
