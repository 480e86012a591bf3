# Idiom seen in: moono/moco-tf2.x moco.py
# Idiom seen in: moono/moco-tf2.x base_networks/resnet50.py
# What it reproduces: MoCo under a MirroredStrategy: two encoders with kernel/bias l2 regularizers; the
#   query encoder is trained in a strategy.run step whose loss adds
#   tf.nn.scale_regularization_loss(encoder_q.losses); the key encoder is only momentum-updated: clean.
import os

import tensorflow as tf

from encoder import Encoder


class MoCo(object):
    def __init__(self, t_params, strategy):
        self.batch_size = t_params['batch_size_per_replica']
        self.global_batch_size = t_params['global_batch_size']
        self.dist_loss_scaler = 1.0 / self.global_batch_size
        self.K = t_params['network_params']['K']
        self.m = t_params['network_params']['m']
        self.T = t_params['network_params']['T']
        self.dim = t_params['network_params']['dim']
        self.queue = tf.Variable(tf.math.l2_normalize(tf.random.normal([self.K, self.dim]), axis=1),
                                 trainable=False)
        self.queue_ptr = tf.Variable(tf.zeros([], tf.int64), trainable=False)

        with strategy.scope():
            self.encoder_q = Encoder(t_params['network_params'], name='encoder_q')
            self.encoder_k = Encoder(t_params['network_params'], name='encoder_k')
            shape = (None, t_params['res'], t_params['res'], 3)
            self.encoder_q.build(shape)
            self.encoder_k.build(shape)
            for qw, kw in zip(self.encoder_q.weights, self.encoder_k.weights):
                kw.assign(qw)
            lr = tf.keras.optimizers.schedules.PiecewiseConstantDecay(
                [120000, 160000], [0.03, 0.003, 0.0003])
            self.optimizer = tf.keras.optimizers.SGD(lr, momentum=0.9)
            self.ckpt = tf.train.Checkpoint(optimizer=self.optimizer, encoder_q=self.encoder_q,
                                            encoder_k=self.encoder_k, queue=self.queue)
            self.manager = tf.train.CheckpointManager(
                self.ckpt, os.path.join(t_params['model_base_dir'], t_params['name']), max_to_keep=2)

    def forward_encoder_k(self, im_k):
        k = self.encoder_k(im_k, training=True)
        return tf.math.l2_normalize(k, axis=1)

    def train_step(self, inputs):
        im_q, k = inputs
        t_var = self.encoder_q.trainable_variables
        with tf.GradientTape(watch_accessed_variables=False) as tape:
            tape.watch(t_var)
            q = tf.math.l2_normalize(self.encoder_q(im_q, training=True), axis=1)
            l_pos = tf.expand_dims(tf.einsum('nc,nc->n', q, k), axis=-1)
            l_neg = tf.einsum('nc,kc->nk', q, self.queue)
            logits = tf.concat([l_pos, l_neg], axis=1) / self.T
            labels = tf.zeros(self.batch_size, dtype=tf.int64)
            c_loss = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels)

            # weight regularization loss
            l2_w_reg = tf.nn.scale_regularization_loss(self.encoder_q.losses)

            c_loss = tf.reduce_sum(c_loss) * self.dist_loss_scaler
            loss = c_loss + l2_w_reg

        gradients = tape.gradient(loss, t_var)
        self.optimizer.apply_gradients(zip(gradients, t_var))
        return loss, c_loss, l2_w_reg

    def _dequeue_and_enqueue(self, keys):
        end_ptr = self.queue_ptr + self.global_batch_size
        indices = tf.expand_dims(tf.range(self.queue_ptr, end_ptr, dtype=tf.int64), axis=1)
        self.queue.assign(tf.tensor_scatter_nd_update(self.queue, indices, keys))
        self.queue_ptr.assign(end_ptr % self.K)

    def train(self, dist_dataset, strategy):
        @tf.function
        def dist_encode_key(im_k):
            return strategy.run(self.forward_encoder_k, args=(im_k,))

        @tf.function
        def dist_train_step(inputs):
            out = strategy.run(self.train_step, args=(inputs,))
            return [strategy.reduce(tf.distribute.ReduceOp.SUM, o, axis=None) for o in out]

        for im_q, im_k in dist_dataset:
            k = dist_encode_key(im_k)
            loss, c_loss, l2_reg = dist_train_step((im_q, k))
            self.encoder_k.momentum_update(self.encoder_q, self.m)
            self._dequeue_and_enqueue(tf.concat(strategy.experimental_local_results(k), axis=0))
            step = self.optimizer.iterations.numpy()
            if step % 100 == 0:
                print('step {}: loss {:.3f}, c_loss {:.3f}, l2_reg {:.3f}'.format(
                    step, loss.numpy(), c_loss.numpy(), l2_reg.numpy()))
            if step % 500 == 0:
                self.manager.save(checkpoint_number=step)
