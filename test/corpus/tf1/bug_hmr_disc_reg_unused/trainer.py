# Idiom seen in: akanazawa/hmr src/trainer.py
# Idiom seen in: akanazawa/hmr src/models.py
# What it reproduces: e_loss = d_loss_weight * e_loss_disc + e_loss_kp and d_loss = d_loss_weight *
#   (d_loss_real + d_loss_fake) are minimized with var_list=E_var / D_var; no
#   tf.losses.get_regularization_loss() is added to either, so d_wd does nothing (WD102 in models.py).
import tensorflow as tf
from absl import app

from config import get_config
from models import Encoder_resnet, Encoder_fc3_dropout, Discriminator_separable_rotations
from data_loader import DataLoader
from tf_smpl.batch_smpl import SMPL
from tf_smpl.batch_lbs import batch_rodrigues
from ops import keypoint_l1_loss


class HMRTrainer(object):

    def __init__(self, config, data_loader):
        self.config = config
        self.e_lr = config.e_lr
        self.d_lr = config.d_lr
        self.e_wd = config.e_wd
        self.d_wd = config.d_wd
        self.e_loss_weight = config.e_loss_weight
        self.d_loss_weight = config.d_loss_weight
        self.encoder_only = config.encoder_only
        self.num_stage = config.num_stage
        self.image_loader = data_loader['image']
        self.kp_loader = data_loader['label']
        self.pose_loader = data_loader['mosh_pose']
        self.shape_loader = data_loader['mosh_shape']
        self.smpl = SMPL('neutral_smpl_with_cocoplus_reg.pkl')
        self.global_step = tf.Variable(0, name='global_step', trainable=False)
        self.optimizer = tf.train.AdamOptimizer
        self.build_model()

    def build_model(self):
        self.img_feat, self.E_var = Encoder_resnet(self.image_loader, weight_decay=self.e_wd,
                                                   reuse=False)
        theta_prev = tf.zeros([self.config.batch_size, 85])
        loss_kps, fake_rotations, fake_shapes = [], [], []
        for i in range(self.num_stage):
            state = tf.concat([self.img_feat, theta_prev], 1)
            delta_theta, threed_var = Encoder_fc3_dropout(state, num_output=85, reuse=(i > 0))
            if i == 0:
                self.E_var.extend(threed_var)
            theta_here = theta_prev + delta_theta
            cams, poses, shapes = theta_here[:, :3], theta_here[:, 3:75], theta_here[:, 75:]
            verts, Js, pred_Rs = self.smpl(shapes, poses, get_skin=True)
            pred_kp = Js[:, :, :2] * tf.expand_dims(cams[:, :1], 1) + tf.expand_dims(cams[:, 1:], 1)
            loss_kps.append(self.e_loss_weight * keypoint_l1_loss(self.kp_loader, pred_kp))
            fake_rotations.append(tf.reshape(pred_Rs, [-1, 24, 9])[:, 1:, :])
            fake_shapes.append(shapes)
            theta_prev = theta_here

        if not self.encoder_only:
            self.setup_discriminator(fake_rotations, fake_shapes)

        self.e_loss_kp = loss_kps[-1]
        if self.encoder_only:
            self.e_loss = self.e_loss_kp
        else:
            self.e_loss = self.d_loss_weight * self.e_loss_disc + self.e_loss_kp
            self.d_loss = self.d_loss_weight * (self.d_loss_real + self.d_loss_fake)

        e_optimizer = self.optimizer(self.e_lr)
        d_optimizer = self.optimizer(self.d_lr)
        self.e_opt = e_optimizer.minimize(self.e_loss, global_step=self.global_step,
                                          var_list=self.E_var)
        if not self.encoder_only:
            self.d_opt = d_optimizer.minimize(self.d_loss, var_list=self.D_var)

    def setup_discriminator(self, fake_rotations, fake_shapes):
        real_rotations = batch_rodrigues(tf.reshape(self.pose_loader, [-1, 3]))
        real_rotations = tf.reshape(real_rotations, [-1, 24, 9])[:, 1:, :]
        all_fake_rotations = tf.reshape(tf.concat(fake_rotations, 0), [-1, 23, 1, 9])
        real_rotations = tf.reshape(real_rotations, [-1, 23, 1, 9])
        all_fake_shapes = tf.concat(fake_shapes, 0)
        disc_input = {
            'weight_decay': self.d_wd,
            'shapes': tf.concat([all_fake_shapes, self.shape_loader], 0),
            'poses': tf.concat([all_fake_rotations, real_rotations], 0),
        }
        self.d_out, self.D_var = Discriminator_separable_rotations(**disc_input)
        self.d_out_fake, self.d_out_real = tf.split(self.d_out, 2)
        self.d_loss_real = tf.reduce_mean(tf.reduce_sum((self.d_out_real - 1) ** 2, axis=1))
        self.d_loss_fake = tf.reduce_mean(tf.reduce_sum((self.d_out_fake) ** 2, axis=1))
        self.e_loss_disc = tf.reduce_mean(tf.reduce_sum((self.d_out_fake - 1) ** 2, axis=1))

    def train(self):
        sv = tf.train.Supervisor(logdir='logs/hmr', global_step=self.global_step)
        with sv.managed_session() as sess:
            step = 0
            while not sv.should_stop():
                fetch = {'e_opt': self.e_opt, 'e_loss': self.e_loss}
                if not self.encoder_only:
                    fetch['d_opt'] = self.d_opt
                    fetch['d_loss'] = self.d_loss
                result = sess.run(fetch)
                step += 1
                if step % 100 == 0:
                    print('step %d e_loss %.4f' % (step, result['e_loss']))


def main(_):
    config = get_config()
    data_loader = DataLoader(config).load()
    trainer = HMRTrainer(config, data_loader)
    trainer.train()


if __name__ == '__main__':
    app.run(main)
