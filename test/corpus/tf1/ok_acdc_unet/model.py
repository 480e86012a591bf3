# Idiom seen in: baumgach/acdc_segmenter tfwrapper/layers.py
# Idiom seen in: baumgach/acdc_segmenter model.py
# Idiom seen in: baumgach/acdc_segmenter train.py
# What it reproduces: cardiac MRI U-Net; get_weight_variable puts kernels in a custom 'weight_variables' collection,
#   model.loss builds weight_decay * sum(l2_loss) from it, returns (total, xent, norm) and train.py minimizes the total (clean).
import tensorflow as tf
import layers


def unet2D_bn(images, training, nlabels):
    conv1 = layers.conv2D_layer_bn(images, 'conv1_1', training, num_filters=64)
    pool1 = layers.max_pool_layer2d(conv1)
    conv2 = layers.conv2D_layer_bn(pool1, 'conv2_1', training, num_filters=128)
    pool2 = layers.max_pool_layer2d(conv2)
    conv3 = layers.conv2D_layer_bn(pool2, 'conv3_1', training, num_filters=256)
    up2 = layers.deconv2D_layer_bn(conv3, 'upconv2', training, num_filters=128)
    conv4 = layers.conv2D_layer_bn(tf.concat([up2, conv2], axis=3), 'conv4_1', training, num_filters=128)
    up1 = layers.deconv2D_layer_bn(conv4, 'upconv1', training, num_filters=64)
    conv5 = layers.conv2D_layer_bn(tf.concat([up1, conv1], axis=3), 'conv5_1', training, num_filters=64)
    return layers.conv2D_layer(conv5, 'pred', kernel_size=(1, 1), num_filters=nlabels, activation=tf.identity)


def inference(images, exp_config, training):
    return exp_config.model_handle(images, training, nlabels=exp_config.nlabels)


def loss(logits, labels, nlabels, weight_decay=0.00005):
    with tf.variable_scope('weights_norm'):
        weights_norm = tf.reduce_sum(
            input_tensor=weight_decay * tf.stack(
                [tf.nn.l2_loss(ii) for ii in tf.get_collection('weight_variables')]
            ),
            name='weights_norm'
        )
    labels_oh = tf.one_hot(tf.cast(labels, tf.int32), depth=nlabels)
    segmentation_loss = tf.reduce_mean(
        tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels_oh, logits=logits))
    total_loss = tf.add(segmentation_loss, weights_norm)
    return total_loss, segmentation_loss, weights_norm


def training_step(loss, optimizer_handle, learning_rate, **kwargs):
    if 'momentum' in kwargs:
        optimizer = optimizer_handle(learning_rate=learning_rate, momentum=kwargs.get('momentum', 0.9))
    else:
        optimizer = optimizer_handle(learning_rate=learning_rate)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        return optimizer.minimize(loss, global_step=tf.train.get_or_create_global_step())
