# Idiom seen in: akanazawa/hmr src/config.py
# Idiom seen in: akanazawa/hmr src/trainer.py
# Idiom seen in: akanazawa/hmr src/models.py
# What it reproduces: human mesh recovery trainer with flags for encoder and discriminator weight decay;
#   the decays become slim regularizers, but neither e_loss nor d_loss ever adds the regularization
#   losses (the real repository's behaviour): the discriminator's arg_scope regularizer is dead (WD102).
from absl import flags

flags.DEFINE_string('model_type', 'resnet_fc3_dropout', 'Specifies which network to use')
flags.DEFINE_string('data_dir', None, 'Where to load the tfrecords from')
flags.DEFINE_integer('batch_size', 64, 'Input image batch size')
flags.DEFINE_integer('num_stage', 3, '# of times to iterate regressor')
flags.DEFINE_float('e_lr', 0.001, 'Encoder learning rate')
flags.DEFINE_float('d_lr', 0.001, 'Adversarial prior learning rate')
flags.DEFINE_float('e_wd', 0.0001, 'Encoder weight decay')
flags.DEFINE_float('d_wd', 0.0001, 'Adversarial prior weight decay')
flags.DEFINE_float('e_loss_weight', 60, 'weight on E_kp losses')
flags.DEFINE_float('d_loss_weight', 1, 'weight on discriminator')
flags.DEFINE_boolean('encoder_only', False, 'if set, no adversarial prior is trained')
flags.DEFINE_integer('epoch', 100, '# of epochs to train')


def get_config():
    config = flags.FLAGS
    return config
