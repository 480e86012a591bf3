# Idiom seen in: kaiqi123/ktResnet ModelConstruct.py
# What it reproduces: the training driver of the repo's teacher network (flags, piecewise LR, input module not in the
#   program); the decay finding is in model_construct.py, where MomentumWOptimizer decays all variables.
import tensorflow as tf

from dataset_input import DataInput
from model_construct import ResNet

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string("dataset", "cifar10", "cifar10 or cifar100")
tf.app.flags.DEFINE_integer("batch_size", 128, "batch size")
tf.app.flags.DEFINE_integer("num_iterations", 80000, "training steps")
tf.app.flags.DEFINE_integer("depth", 16, "WRN depth")
tf.app.flags.DEFINE_integer("width", 4, "WRN widening factor")
tf.app.flags.DEFINE_float("learning_rate", 0.1, "initial learning rate")


def main(_):
    num_classes = 10 if FLAGS.dataset == "cifar10" else 100
    data = DataInput(FLAGS.dataset, FLAGS.batch_size)
    images, labels = data.train_batch()

    global_step = tf.train.get_or_create_global_step()
    boundaries = [int(FLAGS.num_iterations * f) for f in (0.3, 0.6, 0.8)]
    values = [FLAGS.learning_rate * f for f in (1.0, 0.2, 0.04, 0.008)]
    learning_rate = tf.train.piecewise_constant(global_step, boundaries, values)

    n = (FLAGS.depth - 4) // 6
    model = ResNet().build_teacher_model(images, num_classes, FLAGS.width, n, "train")
    loss = model.loss(labels)
    train_op = model.training(loss, learning_rate, global_step)

    with tf.train.MonitoredTrainingSession(checkpoint_dir="./teacher_ckpt",
                                           hooks=[tf.train.StopAtStepHook(last_step=FLAGS.num_iterations)]) as sess:
        while not sess.should_stop():
            _, loss_value, step = sess.run([train_op, loss, global_step])
            if step % 200 == 0:
                print("step %d loss %.4f" % (step, loss_value))


if __name__ == "__main__":
    tf.app.run()
