# Idiom seen in: shekkizh/FCN.tensorflow FCN.py
# What it reproduces: FCN-8s training script; in debug mode every trainable variable is passed to the helper that fills the "reg_loss" collection, but the Adam optimizer only gets the pixel-wise cross entropy (bug: collection never read).
import numpy as np
import tensorflow as tf

import tf_helpers as utils
import scene_reader

FLAGS = tf.flags.FLAGS
tf.flags.DEFINE_integer("batch_size", 2, "batch size for training")
tf.flags.DEFINE_string("logs_dir", "logs/", "path to logs directory")
tf.flags.DEFINE_string("data_dir", "Data_zoo/MIT_SceneParsing/", "path to dataset")
tf.flags.DEFINE_float("learning_rate", 1e-4, "learning rate for Adam")
tf.flags.DEFINE_string("vgg_path", "Model_zoo/imagenet-vgg-verydeep-19.mat", "vgg weights")
tf.flags.DEFINE_bool("debug", True, "debug mode: summaries and regularization")

NUM_CLASSES = 151
IMAGE_SIZE = 224
MAX_ITERATION = 100001
VGG_LAYERS = ("conv1_1", "relu1_1", "conv1_2", "relu1_2", "pool1",
              "conv2_1", "relu2_1", "conv2_2", "relu2_2", "pool2",
              "conv3_1", "relu3_1", "conv3_2", "relu3_2", "conv3_3", "relu3_3", "pool3",
              "conv4_1", "relu4_1", "conv4_2", "relu4_2", "conv4_3", "relu4_3", "pool4",
              "conv5_1", "relu5_1", "conv5_2", "relu5_2", "conv5_3", "relu5_3")


def vgg_trunk(weights, image):
    net, current = {}, image
    for i, name in enumerate(VGG_LAYERS):
        kind = name[:4]
        if kind == "conv":
            kernels, bias = weights[i][0][0][0][0]
            kernels = utils.const_variable(np.transpose(kernels, (1, 0, 2, 3)), name + "_w")
            bias = utils.const_variable(bias.reshape(-1), name + "_b")
            current = utils.conv2d_basic(current, kernels, bias)
        elif kind == "relu":
            current = tf.nn.relu(current, name=name)
        else:
            current = utils.avg_pool_2x2(current)
        net[name] = current
    return net


def inference(image, keep_prob):
    vgg = utils.load_vgg_mat(FLAGS.vgg_path)
    mean_pixel = np.mean(vgg["normalization"][0][0][0], axis=(0, 1))
    layers = np.squeeze(vgg["layers"])
    with tf.variable_scope("inference"):
        trunk = vgg_trunk(layers, utils.subtract_mean(image, mean_pixel))
        pool5 = utils.max_pool_2x2(trunk["conv5_3"])
        w6 = utils.weight_variable([7, 7, 512, 4096], name="W6")
        fc6 = tf.nn.dropout(tf.nn.relu(utils.conv2d_basic(pool5, w6, utils.bias_variable([4096], "b6"))), keep_prob)
        w7 = utils.weight_variable([1, 1, 4096, 4096], name="W7")
        fc7 = tf.nn.dropout(tf.nn.relu(utils.conv2d_basic(fc6, w7, utils.bias_variable([4096], "b7"))), keep_prob)
        w8 = utils.weight_variable([1, 1, 4096, NUM_CLASSES], name="W8")
        score = utils.conv2d_basic(fc7, w8, utils.bias_variable([NUM_CLASSES], "b8"))
        shape = tf.shape(image)
        out_shape = tf.stack([shape[0], shape[1], shape[2], NUM_CLASSES])
        w_up = utils.weight_variable([64, 64, NUM_CLASSES, NUM_CLASSES], name="W_up")
        logits = utils.conv2d_transpose_strided(score, w_up, utils.bias_variable([NUM_CLASSES], "b_up"),
                                                output_shape=out_shape, stride=32)
    return tf.expand_dims(tf.argmax(logits, axis=3), 3), logits


def make_train_op(loss_val, var_list):
    optimizer = tf.train.AdamOptimizer(FLAGS.learning_rate)
    grads = optimizer.compute_gradients(loss_val, var_list=var_list)
    if FLAGS.debug:
        for grad, var in grads:
            utils.add_gradient_summary(grad, var)
    return optimizer.apply_gradients(grads)


def main(argv=None):
    keep_probability = tf.placeholder(tf.float32, name="keep_probability")
    image = tf.placeholder(tf.float32, [None, IMAGE_SIZE, IMAGE_SIZE, 3], name="input_image")
    annotation = tf.placeholder(tf.int32, [None, IMAGE_SIZE, IMAGE_SIZE, 1], name="annotation")

    _, logits = inference(image, keep_probability)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
        logits=logits, labels=tf.squeeze(annotation, axis=[3]), name="entropy"))
    tf.summary.scalar("entropy", loss)

    trainable_var = tf.trainable_variables()
    if FLAGS.debug:
        for var in trainable_var:
            utils.add_to_regularization_and_summary(var)
    train_op = make_train_op(loss, trainable_var)
    summary_op = tf.summary.merge_all()

    train_reader = scene_reader.BatchDataset(FLAGS.data_dir, "training", IMAGE_SIZE)
    sess = tf.Session()
    writer = tf.summary.FileWriter(FLAGS.logs_dir, sess.graph)
    saver = tf.train.Saver()
    sess.run(tf.global_variables_initializer())
    for itr in range(MAX_ITERATION):
        images, annotations = train_reader.next_batch(FLAGS.batch_size)
        feed = {image: images, annotation: annotations, keep_probability: 0.85}
        sess.run(train_op, feed_dict=feed)
        if itr % 10 == 0:
            loss_value, summary_str = sess.run([loss, summary_op], feed_dict=feed)
            print("Step: %d, Train_loss:%g" % (itr, loss_value))
            writer.add_summary(summary_str, itr)
        if itr % 500 == 0:
            saver.save(sess, FLAGS.logs_dir + "model.ckpt", itr)


if __name__ == "__main__":
    tf.app.run()
