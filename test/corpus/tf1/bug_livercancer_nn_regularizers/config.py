# Idiom seen in: qiuliwang/MedicWork Code/livercancer/config.py
# What it reproduces: a Config class (show-attend-tell style) holding the conv/fc kernel regularizer
#   scales; both are > 0, so the NN helper builds L2 regularizers for the liver CT classifier.


class Config(object):
    """ Wrapper class for the (hyper)parameters of the liver-lesion CNN+LSTM. """
    def __init__(self):
        self.phase = 'train'
        self.train_cnn = True
        self.num_lstm_units = 256
        self.num_decode_layers = 2
        self.dim_decode_layer = 512

        # weight initialization and regularization
        self.fc_kernel_initializer_scale = 0.08
        self.fc_kernel_regularizer_scale = 1e-4
        self.fc_activity_regularizer_scale = 0.0
        self.conv_kernel_regularizer_scale = 1e-4
        self.conv_activity_regularizer_scale = 0.0
        self.fc_drop_rate = 0.5

        # optimization
        self.num_epochs = 20
        self.batch_size = 16
        self.optimizer = 'Momentum'
        self.initial_learning_rate = 0.001
        self.momentum = 0.9
        self.use_nesterov = True
        self.clip_gradients = 5.0

        self.save_dir = './models/'
        self.summary_dir = './summary/'
        self.train_label_file = './train_label.csv'
