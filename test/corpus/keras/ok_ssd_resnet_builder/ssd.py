# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter11-detection/ssd-11.6.1.py
# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter11-detection/resnet.py
# What it reproduces: the SSD trainer class: builds backbone + SSD, compiles with Adam and
#   [focal_loss_categorical, smooth_l1_loss], fits on the data generator with checkpoint and LR schedule.
import os

from tensorflow.keras.optimizers import Adam
from tensorflow.keras.callbacks import ModelCheckpoint, LearningRateScheduler

from data_generator import DataGenerator
from label_utils import build_label_dictionary
from loss import focal_loss_categorical, smooth_l1_loss
from model import build_ssd
from model_utils import ssd_parser, lr_scheduler
from resnet import build_resnet


class SSD:

    def __init__(self, args):
        self.args = args
        self.ssd = None
        self.train_generator = None
        path = os.path.join(args.data_path, args.train_labels)
        self.dictionary, self.classes = build_label_dictionary(path)
        self.n_classes = len(self.classes)
        self.build_model()

    def build_model(self):
        self.input_shape = (self.args.height, self.args.width, self.args.channels)
        self.backbone = build_resnet(self.input_shape, n_layers=self.args.layers)
        anchors, features, ssd = build_ssd(self.input_shape, self.backbone,
                                           n_layers=self.args.layers, n_classes=self.n_classes)
        self.n_anchors = anchors
        self.feature_shapes = features
        self.ssd = ssd

    def train(self):
        self.train_generator = DataGenerator(args=self.args, dictionary=self.dictionary,
                                             n_classes=self.n_classes,
                                             feature_shapes=self.feature_shapes,
                                             n_anchors=self.n_anchors, shuffle=True)
        optimizer = Adam(learning_rate=1e-3)
        loss = [focal_loss_categorical, smooth_l1_loss]
        self.ssd.compile(optimizer=optimizer, loss=loss)
        save_dir = os.path.join(os.getcwd(), self.args.save_dir)
        os.makedirs(save_dir, exist_ok=True)
        filepath = os.path.join(save_dir, self.backbone.name + '-{epoch:03d}.h5')
        callbacks = [ModelCheckpoint(filepath=filepath, verbose=1, save_weights_only=True),
                     LearningRateScheduler(lr_scheduler)]
        self.ssd.fit(self.train_generator, use_multiprocessing=False, callbacks=callbacks,
                     epochs=self.args.epochs)


if __name__ == '__main__':
    parser = ssd_parser()
    args = parser.parse_args()
    ssd = SSD(args)
    if args.train:
        ssd.train()
