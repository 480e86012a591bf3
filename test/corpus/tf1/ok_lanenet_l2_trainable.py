# Idiom seen in: MaybeShewill-CV/lanenet-lane-detection lanenet_model/lanenet_back_end.py
# Idiom seen in: MaybeShewill-CV/lanenet-lane-detection trainner/tusimple_lanenet_single_gpu_trainner.py
# What it reproduces: lane-detection back end that adds 0.001 * sum(tf.nn.l2_loss(v)) over the trainable
#   variables (skipping batch-norm ones) to the binary + instance segmentation losses; the trainer
#   minimizes that total_loss with momentum SGD. Clean.
import tensorflow as tf

from lanenet_model import lanenet_front_end
from lanenet_model import lanenet_discriminative_loss
from local_utils.config_utils import parse_config_utils

CFG = parse_config_utils.lanenet_cfg


class LaneNetBackEnd(object):

    def __init__(self, phase, cfg):
        self._is_training = phase == 'train'
        self._class_nums = cfg.DATASET.NUM_CLASSES
        self._embedding_dims = cfg.MODEL.EMBEDDING_FEATS_DIMS

    def compute_loss(self, binary_seg_logits, binary_label, instance_seg_logits,
                     instance_label, name, reuse):
        with tf.variable_scope(name_or_scope=name, reuse=reuse):
            with tf.variable_scope(name_or_scope='binary_seg'):
                binary_label_onehot = tf.one_hot(
                    tf.cast(tf.squeeze(binary_label, axis=-1), tf.int32),
                    depth=self._class_nums, axis=-1)
                counts = tf.reduce_sum(binary_label_onehot, axis=[0, 1, 2])
                inverse_weights = tf.divide(
                    1.0, tf.log(tf.add(tf.divide(counts, tf.reduce_sum(counts)), tf.constant(1.02))))
                binary_segmentation_loss = tf.losses.softmax_cross_entropy(
                    onehot_labels=binary_label_onehot, logits=binary_seg_logits,
                    weights=tf.reduce_sum(binary_label_onehot * inverse_weights, axis=-1))

            with tf.variable_scope(name_or_scope='instance_seg'):
                pix_embedding = tf.layers.conv2d(tf.nn.relu(instance_seg_logits),
                                                 self._embedding_dims, 1, use_bias=False,
                                                 name='pix_embedding_conv')
                image_shape = (pix_embedding.get_shape().as_list()[1],
                               pix_embedding.get_shape().as_list()[2])
                instance_segmentation_loss, l_var, l_dist, l_reg = \
                    lanenet_discriminative_loss.discriminative_loss(
                        pix_embedding, instance_label, self._embedding_dims,
                        image_shape, 0.5, 3.0, 1.0, 1.0, 0.001)

            l2_reg_loss = tf.constant(0.0, tf.float32)
            for vv in tf.trainable_variables():
                if 'bn' in vv.name or 'gn' in vv.name:
                    continue
                else:
                    l2_reg_loss = tf.add(l2_reg_loss, tf.nn.l2_loss(vv))
            l2_reg_loss *= 0.001
            total_loss = binary_segmentation_loss + instance_segmentation_loss + l2_reg_loss

        return {
            'total_loss': total_loss,
            'binary_seg_loss': binary_segmentation_loss,
            'discriminative_loss': instance_segmentation_loss,
        }


class LaneNetTusimpleTrainer(object):

    def __init__(self, cfg):
        self._cfg = cfg
        self._input_src_image, self._input_binary_label, self._input_instance_label = \
            lanenet_front_end.tusimple_inputs(cfg, 'train')
        self._frontend = lanenet_front_end.LaneNetFrondEnd(phase='train', cfg=cfg)
        self._backend = LaneNetBackEnd(phase='train', cfg=cfg)
        extract = self._frontend.build_model(self._input_src_image, name='LaneNet/frontend',
                                             reuse=False)
        loss_set = self._backend.compute_loss(
            binary_seg_logits=extract['binary_segment_logits']['data'],
            binary_label=self._input_binary_label,
            instance_seg_logits=extract['instance_segment_logits']['data'],
            instance_label=self._input_instance_label,
            name='LaneNet/backend', reuse=False)
        self._loss = loss_set['total_loss']
        self._binary_seg_loss = loss_set['binary_seg_loss']

        self._global_step = tf.Variable(1.0, dtype=tf.float32, trainable=False, name='global_step')
        self._learn_rate = tf.train.polynomial_decay(
            learning_rate=cfg.SOLVER.LR, global_step=self._global_step,
            decay_steps=cfg.TRAIN.EPOCH_NUMS, power=cfg.SOLVER.LR_POLYNOMIAL_POWER)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            optimizer = tf.train.MomentumOptimizer(learning_rate=self._learn_rate,
                                                   momentum=cfg.SOLVER.MOMENTUM)
            self._train_op = optimizer.minimize(self._loss, var_list=tf.trainable_variables(),
                                                global_step=self._global_step)
        tf.summary.scalar('total_loss', self._loss)
        tf.summary.scalar('binary_seg_loss', self._binary_seg_loss)

    def train(self):
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for epoch in range(self._cfg.TRAIN.EPOCH_NUMS):
                _, loss = sess.run([self._train_op, self._loss])
                if epoch % 100 == 0:
                    print('epoch {:d} total loss {:.5f}'.format(epoch, loss))


if __name__ == '__main__':
    LaneNetTusimpleTrainer(cfg=CFG).train()
