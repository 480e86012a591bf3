# Idiom seen in: zakizhou/mnist_input_pipeline mnist_multigpus_train.py
# Idiom seen in: goldenwoman/Recursive_Stereo_Disill average_gradients.py
# What it reproduces: tower training: each tower builds the model under a name scope, reads its loss
#   from the "loss" collection of its scope and computes gradients; the gradients are averaged and applied.
#   The decay terms sit in 'losses', which no tower reads (see mnist.py).
import tensorflow as tf

import mnist
from mnist_input import mnist_inputs

NUM_STEPS = 300
LEARNING_RATE = 0.0001
NUM_GPUS = 2
TOWER_NAME = "tower"


def tower_loss(scope):
    images, labels = mnist_inputs(min_after_dequeue=int(mnist.NUM_EXAMPLES_PER_EPOCH * 0.4))
    logits = mnist.inference(images)
    _ = mnist.loss(logits, labels)
    losses = tf.get_collection("loss", scope=scope)
    return tf.add_n(losses, name="tower_total_loss")


def average_gradients(tower_grads):
    averaged = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars]
        grad = tf.reduce_mean(tf.concat(grads, axis=0), 0)
        averaged.append((grad, grad_and_vars[0][1]))
    return averaged


def main():
    with tf.Graph().as_default(), tf.device("/cpu:0"):
        optimizer = tf.train.GradientDescentOptimizer(learning_rate=LEARNING_RATE)
        tower_grads = []
        with tf.variable_scope(tf.get_variable_scope()):
            for i in range(NUM_GPUS):
                with tf.device("/gpu:%d" % i), tf.name_scope("%s_%d" % (TOWER_NAME, i)) as scope:
                    loss = tower_loss(scope)
                    tf.get_variable_scope().reuse_variables()
                    tower_grads.append(optimizer.compute_gradients(loss))
        train_op = optimizer.apply_gradients(average_gradients(tower_grads))
        with tf.Session(config=tf.ConfigProto(allow_soft_placement=True)) as sess:
            sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)
            for step in range(NUM_STEPS):
                _, loss_value = sess.run([train_op, loss])
                if step % 50 == 0:
                    print("step %d loss %.4f" % (step, loss_value))
            coord.request_stop()
            coord.join(threads)


if __name__ == "__main__":
    main()
