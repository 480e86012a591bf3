# Idiom seen in: Goy0695/deep_ctr_model src/model/DeepFM.py
# Idiom seen in: Goy0695/deep_ctr_model config/DeepFM_Config.py
# What it reproduces: DeepFM Estimator model_fn; the FM weights get a hand-written l2_reg * l2_loss in the
#   loss, but the MLP layers' weights_regularizer terms (REGULARIZATION_LOSSES) are never added to the loss
#   that the optimizer minimizes (bug of the real repository).
import tensorflow as tf


class DeepFM(object):

    def __init__(self, run_config, params):
        self.run_config = run_config
        self.params = params
        self.estimator = None

    @staticmethod
    def input_fn(filenames, batch_size=256, num_epochs=1, shuffle=False):
        def decode_line(line):
            columns = tf.string_split([line], '\t')
            label = tf.string_to_number(columns.values[0], out_type=tf.float32)
            kv = tf.string_split(columns.values[1:], ':')
            id_vals = tf.reshape(kv.values, kv.dense_shape)
            _, feat_ids, feat_vals = tf.split(id_vals, num_or_size_splits=3, axis=1)
            feat_ids = tf.string_to_number(feat_ids, out_type=tf.int32)
            feat_vals = tf.string_to_number(feat_vals, out_type=tf.float32)
            return {'feat_ids': feat_ids, 'feat_vals': feat_vals}, label

        dataset = tf.data.TextLineDataset(filenames).map(decode_line, num_parallel_calls=8)
        if shuffle:
            dataset = dataset.shuffle(buffer_size=512)
        dataset = dataset.repeat(num_epochs).batch(batch_size)
        return dataset.make_one_shot_iterator().get_next()

    @staticmethod
    def model_fn(features, labels, mode, params):
        field_size = params['field_size']
        feature_size = params['feature_size']
        embedding_size = params['embedding_size']
        l2_reg = params['l2_reg']
        layers = [int(n) for n in params['deep_layers'].split(',')]
        dropout = [float(p) for p in params['dropout'].split(',')]

        fm_b = tf.get_variable('fm_bias', shape=[1], initializer=tf.constant_initializer(0.0))
        fm_w = tf.get_variable('fm_w', shape=[feature_size], initializer=tf.glorot_normal_initializer())
        fm_v = tf.get_variable('fm_v', shape=[feature_size, embedding_size],
                               initializer=tf.glorot_normal_initializer())

        feat_ids = tf.reshape(features['feat_ids'], shape=[-1, field_size])
        feat_vals = tf.reshape(features['feat_vals'], shape=[-1, field_size])

        with tf.variable_scope('first_order'):
            y_w = tf.reduce_sum(tf.multiply(tf.nn.embedding_lookup(fm_w, feat_ids), feat_vals), 1)

        with tf.variable_scope('second_order'):
            embeddings = tf.nn.embedding_lookup(fm_v, feat_ids)
            embeddings = tf.multiply(embeddings, tf.reshape(feat_vals, [-1, field_size, 1]))
            sum_square = tf.square(tf.reduce_sum(embeddings, 1))
            square_sum = tf.reduce_sum(tf.square(embeddings), 1)
            y_v = 0.5 * tf.reduce_sum(sum_square - square_sum, 1)

        with tf.variable_scope('deep_part'):
            deep = tf.reshape(embeddings, shape=[-1, field_size * embedding_size])
            for i, units in enumerate(layers):
                deep = tf.contrib.layers.fully_connected(
                    inputs=deep, num_outputs=units,
                    weights_regularizer=tf.contrib.layers.l2_regularizer(l2_reg),  # expect: WD102
                    scope='mlp%d' % i)
                if mode == tf.estimator.ModeKeys.TRAIN:
                    deep = tf.nn.dropout(deep, keep_prob=dropout[i])
            y_deep = tf.contrib.layers.fully_connected(
                inputs=deep, num_outputs=1, activation_fn=tf.identity,
                weights_regularizer=tf.contrib.layers.l2_regularizer(l2_reg),  # expect: WD102
                scope='deep_out')
            y_d = tf.reshape(y_deep, shape=[-1])

        with tf.variable_scope('deepfm_out'):
            y = fm_b * tf.ones_like(y_d) + y_w + y_v + y_d
            pred = tf.sigmoid(y)

        predictions = {'prob': pred}
        if mode == tf.estimator.ModeKeys.PREDICT:
            return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

        loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=y, labels=labels)) + \
            l2_reg * tf.nn.l2_loss(fm_w) + \
            l2_reg * tf.nn.l2_loss(fm_v)

        if mode == tf.estimator.ModeKeys.EVAL:
            return tf.estimator.EstimatorSpec(
                mode=mode, predictions=predictions, loss=loss,
                eval_metric_ops={'auc': tf.metrics.auc(labels, pred)})

        if params['optimizer'] == 'Adagrad':
            optimizer = tf.train.AdagradOptimizer(params['learning_rate'], initial_accumulator_value=1e-8)
        elif params['optimizer'] == 'Momentum':
            optimizer = tf.train.MomentumOptimizer(params['learning_rate'], momentum=0.95)
        else:
            optimizer = tf.train.AdamOptimizer(params['learning_rate'], beta1=0.9, beta2=0.999, epsilon=1e-8)
        train_op = optimizer.minimize(loss, global_step=tf.train.get_global_step())
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions, loss=loss, train_op=train_op)

    def compile(self, model_dir):
        self.estimator = tf.estimator.Estimator(model_fn=DeepFM.model_fn, model_dir=model_dir,
                                                params=self.params, config=self.run_config)

    def train(self, tr_files):
        self.estimator.train(input_fn=lambda: DeepFM.input_fn(
            tr_files, batch_size=self.params['batch_size'], num_epochs=self.params['num_epochs'],
            shuffle=True))

    def evaluate(self, va_files):
        return self.estimator.evaluate(input_fn=lambda: DeepFM.input_fn(
            va_files, batch_size=self.params['batch_size']))
