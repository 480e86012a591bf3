# Idiom seen in: Kichkun/segmap_machine_learning_project lechuga/tf_cnn.py
# What it reproduces: the SegMap voxel-segment CNN (tf.layers.conv3d/dense, a classification loss and a weighted
#   reconstruction loss combined with tf.add) with kernel_regularizer added to the encoder; a user mistake in this idiom
#   (the repo has no regularizer): the combined loss never adds the regularization losses, so the L2 terms are dead.
import tensorflow as tf

LOSS_R_WEIGHT = 200
LOSS_C_WEIGHT = 1
FN_TO_FP_WEIGHT = 0.9


def init_model(input_shape, n_classes, weight_decay=5e-4, learning_rate=1e-4):
    with tf.name_scope("InputScope"):
        cnn_input = tf.placeholder(dtype=tf.float32, shape=(None,) + input_shape + (1,), name="input")
    y_true = tf.placeholder(dtype=tf.float32, shape=(None, n_classes), name="y_true")
    scales = tf.placeholder(dtype=tf.float32, shape=(None, 3), name="scales")
    training = tf.placeholder_with_default(tf.constant(False, dtype=tf.bool), shape=(), name="training")

    regularizer = tf.contrib.layers.l2_regularizer(scale=weight_decay)

    conv1 = tf.layers.conv3d(cnn_input, filters=32, kernel_size=(3, 3, 3), padding="same",
                             activation=tf.nn.relu, kernel_regularizer=regularizer, name="conv1")  # expect: WD102
    pool1 = tf.layers.max_pooling3d(conv1, pool_size=(2, 2, 2), strides=(2, 2, 2), name="pool1")
    conv2 = tf.layers.conv3d(pool1, filters=64, kernel_size=(3, 3, 3), padding="same",
                             activation=tf.nn.relu, kernel_regularizer=regularizer, name="conv3")  # expect: WD102
    pool2 = tf.layers.max_pooling3d(conv2, pool_size=(2, 2, 2), strides=(2, 2, 2), name="pool2")
    conv3 = tf.layers.conv3d(pool2, filters=64, kernel_size=(3, 3, 3), padding="same",
                             activation=tf.nn.relu, kernel_regularizer=regularizer, name="conv5")  # expect: WD102

    flatten = tf.contrib.layers.flatten(inputs=conv3)
    flatten = tf.concat([flatten, scales], axis=1, name="flatten")
    dense1 = tf.layers.dense(flatten, units=512, activation=tf.nn.relu,
                             kernel_regularizer=regularizer, name="dense1")  # expect: WD102
    bn_dense1 = tf.layers.batch_normalization(dense1, training=training, name="bn_dense1")
    dropout_dense1 = tf.layers.dropout(bn_dense1, rate=0.5, training=training, name="dropout_dense1")
    descriptor = tf.layers.dense(dropout_dense1, units=64, activation=tf.nn.relu, name="descriptor")
    bn_descriptor = tf.layers.batch_normalization(descriptor, training=training, name="bn_descriptor")
    with tf.name_scope("OutputScope"):
        tf.add(descriptor, 0, name="descriptor_read")

    y_pred = tf.layers.dense(bn_descriptor, units=n_classes, activation=None, name="classes")
    loss_c = tf.reduce_mean(
        tf.nn.softmax_cross_entropy_with_logits_v2(logits=y_pred, labels=y_true), name="loss_c")

    # reconstruction network
    dec_dense1 = tf.layers.dense(descriptor, units=8192, activation=tf.nn.relu, name="dec_dense1")
    reshape = tf.reshape(dec_dense1, (tf.shape(cnn_input)[0], 8, 8, 4, 32))
    dec_conv1 = tf.layers.conv3d_transpose(reshape, filters=32, kernel_size=(3, 3, 3), strides=(2, 2, 2),
                                           padding="same", use_bias=False, activation=tf.nn.relu, name="dec_conv1")
    dec_conv2 = tf.layers.conv3d_transpose(dec_conv1, filters=32, kernel_size=(3, 3, 3), strides=(2, 2, 2),
                                           padding="same", use_bias=False, activation=tf.nn.relu, name="dec_conv2")
    reconstruction = tf.layers.conv3d_transpose(dec_conv2, filters=1, kernel_size=(3, 3, 3), padding="same",
                                                use_bias=False, activation=tf.nn.sigmoid, name="dec_reshape")
    loss_r = -tf.reduce_mean(
        FN_TO_FP_WEIGHT * cnn_input * tf.log(reconstruction + 1e-10)
        + (1 - FN_TO_FP_WEIGHT) * (1 - cnn_input) * tf.log(1 - reconstruction + 1e-10))
    tf.identity(loss_r, "loss_r")

    loss = tf.add(LOSS_C_WEIGHT * loss_c, LOSS_R_WEIGHT * loss_r, name="loss")

    global_step = tf.Variable(0, trainable=False, name="global_step")
    tf.assign(global_step, tf.add(global_step, tf.constant(1)), name="update_step")
    optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        optimizer.minimize(loss, name="train_op")

    y_prob = tf.nn.softmax(y_pred, name="y_prob")
    correct_pred = tf.equal(tf.argmax(y_pred, 1), tf.argmax(y_true, 1))
    tf.reduce_mean(tf.cast(correct_pred, tf.float32), name="accuracy")
    with tf.name_scope("summary"):
        tf.summary.scalar("loss", loss, collections=["summary_batch"])
        tf.summary.scalar("loss_c", loss_c, collections=["summary_batch"])
        tf.summary.scalar("loss_r", loss_r, collections=["summary_batch"])
    return y_prob
