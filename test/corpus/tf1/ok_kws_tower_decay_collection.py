# Idiom seen in: mim92/tensorflow-input-pipeline train_multi_gpu.py
# Idiom seen in: mim92/tensorflow-input-pipeline model.py
# What it reproduces: a keyword-spotting CNN trained on several GPU clones; each clone puts its cross entropy and a
#   WEIGHT_DECAY * sum(l2_loss(kernel)) term into GraphKeys.LOSSES under its name scope, sums
#   get_collection(LOSSES, scope) and differentiates that sum. Clean.
import argparse
import os
import tensorflow as tf

from input_pipeline import CustomRunner, SpeechCommandsGenerator

WEIGHT_DECAY = 1e-4


def model_fn_multigpu(inputs, reuse, is_train, num_classes=12):
    with tf.variable_scope('kws_model', reuse=reuse):
        net = inputs['x']
        for i, filters in enumerate([64, 64, 128]):
            net = tf.layers.conv2d(net, filters, (3, 3), padding='same', use_bias=False, name='conv%d' % i)
            net = tf.layers.batch_normalization(net, training=is_train, name='bn%d' % i)
            net = tf.nn.relu(net)
            net = tf.layers.max_pooling2d(net, 2, 2)
        net = tf.reduce_mean(net, axis=[1, 2])
        logits = tf.layers.dense(net, num_classes, name='logits')
    loss = tf.losses.softmax_cross_entropy(inputs['y'], logits, loss_collection=None)
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(inputs['y'], 1))
    return {'loss': loss, 'accuracy': tf.reduce_mean(tf.cast(correct, tf.float32))}


def average_gradients(tower_grads):
    average_grads = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars]
        grad = tf.reduce_mean(tf.concat(grads, axis=0), axis=0)
        average_grads.append((grad, grad_and_vars[0][1]))
    return average_grads


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=30)
    parser.add_argument('--batch_size', type=int, default=100)
    parser.add_argument('--model_dir', type=str, default='experiments/kws')
    parser.add_argument('--num_gpus', type=int, default=2)
    args = parser.parse_args()

    input_shape = [49, 40, 1]
    generator = SpeechCommandsGenerator(args.batch_size)
    with tf.device('/cpu:0'):
        runner = CustomRunner(input_shape, 12, args.batch_size, generator.train_iterator)
        optimizer = tf.train.AdamOptimizer(learning_rate=0.001, beta1=0.9, beta2=0.98, epsilon=1e-8)
    valid_inputs = {'x': tf.placeholder(tf.float32, [None] + input_shape), 'y': tf.placeholder(tf.float32, [None, 12])}
    model_fn_multigpu(valid_inputs, reuse=False, is_train=False)

    gradients = []
    for gpu_index in range(args.num_gpus):
        with tf.device('/gpu:%d' % gpu_index):
            with tf.name_scope('gpu_%d' % gpu_index) as scope:
                images, labels = runner.get_inputs()
                spec = model_fn_multigpu({'x': images, 'y': labels}, reuse=True, is_train=True)
                kernels = [v for v in tf.trainable_variables() if 'kernel' in v.name]
                decay = tf.multiply(WEIGHT_DECAY, tf.add_n([tf.nn.l2_loss(k) for k in kernels]), name='weight_decay')
                tf.add_to_collection(tf.GraphKeys.LOSSES, spec['loss'])
                tf.add_to_collection(tf.GraphKeys.LOSSES, decay)
                losses = tf.get_collection(tf.GraphKeys.LOSSES, scope)
                total_clone_loss = tf.add_n(losses)
                gradients.append(optimizer.compute_gradients(total_clone_loss))

    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.apply_gradients(average_gradients(gradients))

    os.makedirs(args.model_dir, exist_ok=True)
    saver = tf.train.Saver()
    with tf.Session(config=tf.ConfigProto(allow_soft_placement=True)) as sess:
        sess.run(tf.global_variables_initializer())
        runner.start_threads(sess)
        steps_per_epoch = generator.num_train_sample // (args.batch_size * args.num_gpus)
        for epoch in range(args.epochs):
            for _ in range(steps_per_epoch):
                _, loss_val = sess.run([train_op, total_clone_loss])
            print('epoch %d loss %.4f' % (epoch, loss_val))
            saver.save(sess, os.path.join(args.model_dir, 'weights', 'epoch'), global_step=epoch)


if __name__ == '__main__':
    main()
