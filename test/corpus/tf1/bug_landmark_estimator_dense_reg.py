# Idiom seen in: yinguobing/cnn-facial-landmark landmark.py
# What it reproduces: an Estimator model_fn whose dense layers get kernel_regularizer=l2_regularizer(
#   params['weight_decay']) while the train_op minimizes tf.losses.mean_pairwise_squared_error alone
#   (a realistic user change to the repo's model_fn): REGULARIZATION_LOSSES never reaches the loss.
import tensorflow as tf

tf.app.flags.DEFINE_string('train_record', 'train.record', 'The training data file')
tf.app.flags.DEFINE_string('model_dir', './train', 'The model directory')
tf.app.flags.DEFINE_integer('batch_size', 32, 'Training batch size')
tf.app.flags.DEFINE_integer('train_steps', 200000, 'Training steps')
FLAGS = tf.app.flags.FLAGS

IMG_WIDTH = 128
IMG_HEIGHT = 128
IMG_CHANNEL = 3


def cnn_model_fn(features, labels, mode, params):
    inputs = tf.to_float(features['x'], name="input_to_float")

    conv1 = tf.layers.conv2d(inputs=inputs, filters=32, kernel_size=[3, 3], padding='valid', activation=tf.nn.relu)
    pool1 = tf.layers.max_pooling2d(inputs=conv1, pool_size=[2, 2], strides=(2, 2), padding='valid')
    conv2 = tf.layers.conv2d(inputs=pool1, filters=64, kernel_size=[3, 3], padding='valid', activation=tf.nn.relu)
    conv3 = tf.layers.conv2d(inputs=conv2, filters=64, kernel_size=[3, 3], padding='valid', activation=tf.nn.relu)
    pool2 = tf.layers.max_pooling2d(inputs=conv3, pool_size=[2, 2], strides=(2, 2), padding='valid')
    conv4 = tf.layers.conv2d(inputs=pool2, filters=128, kernel_size=[3, 3], padding='valid', activation=tf.nn.relu)
    pool3 = tf.layers.max_pooling2d(inputs=conv4, pool_size=[2, 2], strides=(2, 2), padding='valid')
    conv5 = tf.layers.conv2d(inputs=pool3, filters=256, kernel_size=[3, 3], padding='valid', activation=tf.nn.relu)

    flatten = tf.layers.flatten(inputs=conv5)
    dense1 = tf.layers.dense(
        inputs=flatten,
        units=1024,
        activation=tf.nn.relu,
        kernel_regularizer=tf.contrib.layers.l2_regularizer(params['weight_decay']),  # expect: WD102
        use_bias=True)
    logits = tf.layers.dense(
        inputs=dense1,
        units=136,
        activation=None,
        kernel_regularizer=tf.contrib.layers.l2_regularizer(params['weight_decay']),  # expect: WD102
        use_bias=True,
        name="logits")

    predictions_dict = {"name": features['name'], "logits": logits}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions_dict)

    label_tensor = tf.convert_to_tensor(labels, dtype=tf.float32)
    loss = tf.losses.mean_pairwise_squared_error(labels=label_tensor, predictions=logits)

    if mode == tf.estimator.ModeKeys.TRAIN:
        optimizer = tf.train.AdamOptimizer(learning_rate=params['learning_rate'])
        train_op = optimizer.minimize(loss=loss, global_step=tf.train.get_global_step())
        return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op)

    eval_metric_ops = {"MSE": tf.metrics.root_mean_squared_error(labels=label_tensor, predictions=logits)}
    return tf.estimator.EstimatorSpec(mode=mode, loss=loss, eval_metric_ops=eval_metric_ops)


def _parse_function(record):
    keys_to_features = {
        'image/filename': tf.FixedLenFeature([], tf.string),
        'image/encoded': tf.FixedLenFeature([], tf.string),
        'label/points': tf.FixedLenFeature([136], tf.float32),
    }
    parsed_features = tf.parse_single_example(record, keys_to_features)
    image_decoded = tf.image.decode_image(parsed_features['image/encoded'])
    image_reshaped = tf.reshape(image_decoded, [IMG_HEIGHT, IMG_WIDTH, IMG_CHANNEL])
    points = tf.cast(parsed_features['label/points'], tf.float32)
    return {"x": image_reshaped, "name": parsed_features['image/filename']}, points


def input_fn(record_file, batch_size, num_epochs=None, shuffle=True):
    dataset = tf.data.TFRecordDataset(record_file).map(_parse_function)
    if shuffle:
        dataset = dataset.shuffle(buffer_size=10000)
    dataset = dataset.batch(batch_size).repeat(num_epochs)
    return dataset.make_one_shot_iterator().get_next()


def main(unused_argv):
    estimator = tf.estimator.Estimator(
        model_fn=cnn_model_fn,
        model_dir=FLAGS.model_dir,
        params={'weight_decay': 5e-4, 'learning_rate': 0.001})
    estimator.train(input_fn=lambda: input_fn(FLAGS.train_record, FLAGS.batch_size), steps=FLAGS.train_steps)


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.app.run()
