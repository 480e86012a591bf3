# Idiom seen in: tengyu-liu/TouchFilter coop_code/model.py
# Idiom seen in: tengyu-liu/TouchFilter coop_code/utils/tf_util.py
# What it reproduces: a cooperative generator/descriptor (energy) model whose build_train sums the
#   'weight_decay' collection into self.reg_loss, but both SGD optimizers minimize gen_loss / des_loss
#   without it, as in the repository: the decay is computed and never trained on.
import tensorflow as tf

from tf_util import fully_connected, pointnet_features


class Model(object):
    def __init__(self, config):
        self.build_config(config)
        self.build_input()
        self.build_model()
        self.build_train()
        self.build_summary()

    def build_config(self, config):
        self.batch_size = config.batch_size
        self.n_obj_pts = config.n_obj_pts
        self.hand_size = config.hand_size
        self.n_latent_factor = config.n_latent_factor
        self.weight_decay = config.weight_decay

    def build_input(self):
        self.obs_obj = tf.placeholder(tf.float32, [self.batch_size, self.n_obj_pts, 3], 'obs_obj')
        self.obs_hand = tf.placeholder(tf.float32, [self.batch_size, self.hand_size], 'obs_hand')
        self.syn_z = tf.placeholder(tf.float32, [self.batch_size, self.n_latent_factor], 'syn_z')
        self.lr_gen = tf.placeholder(tf.float32, [], 'lr_gen')
        self.lr_des = tf.placeholder(tf.float32, [], 'lr_des')

    def Generator(self):
        with tf.variable_scope('gen'):
            feat = pointnet_features(self.obs_obj, 'obj_feat', self.weight_decay)
            feat = tf.concat([feat, self.syn_z], axis=-1)
            hidden = fully_connected(feat, 512, 'fc1', weight_decay=self.weight_decay)
            return fully_connected(hidden, self.hand_size, 'fc2', activation_fn=None,
                                   weight_decay=self.weight_decay)

    def Descriptor(self, hand):
        with tf.variable_scope('des', reuse=tf.AUTO_REUSE):
            feat = pointnet_features(self.obs_obj, 'obj_feat', self.weight_decay)
            feat = tf.concat([feat, hand], axis=-1)
            hidden = fully_connected(feat, 512, 'fc1', weight_decay=self.weight_decay)
            energy = fully_connected(hidden, 1, 'energy', activation_fn=None, weight_decay=self.weight_decay)
            return energy[:, 0]

    def build_model(self):
        with tf.variable_scope('model', reuse=tf.AUTO_REUSE):
            self.gen_hand = self.Generator()
            self.obs_energy = self.Descriptor(self.obs_hand)
            self.gen_energy = self.Descriptor(self.gen_hand)

    def build_train(self):
        self.gen_loss = tf.reduce_mean(self.gen_energy)
        self.des_loss = tf.reduce_mean(self.obs_energy - self.gen_energy)
        self.reg_loss = tf.add_n(tf.get_collection('weight_decay'))  # expect: WD105
        gen_vars = [v for v in tf.trainable_variables() if v.name.startswith('model/gen')]
        gen_optim = tf.train.GradientDescentOptimizer(self.lr_gen)
        gen_grads_vars = gen_optim.compute_gradients(self.gen_loss, var_list=gen_vars)
        self.train_gen = gen_optim.apply_gradients(gen_grads_vars)
        des_vars = [v for v in tf.trainable_variables() if v.name.startswith('model/des')]
        des_optim = tf.train.GradientDescentOptimizer(self.lr_des)
        des_grads_vars = des_optim.compute_gradients(self.des_loss, var_list=des_vars)
        self.train_des = des_optim.apply_gradients(des_grads_vars)

    def build_summary(self):
        tf.summary.scalar('energy/obs', tf.reduce_mean(self.obs_energy))
        tf.summary.scalar('energy/gen', tf.reduce_mean(self.gen_energy))
        tf.summary.scalar('loss/des', self.des_loss)
        self.summaries = tf.summary.merge_all()
