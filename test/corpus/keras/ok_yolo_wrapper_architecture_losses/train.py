# Idiom seen in: ZeroSum0x00/YOLO-tensorflow2 train.py
# What it reproduces: the config-driven entry point: build the architecture and the wrapper, compile with the
#   YOLO losses and an SGD optimizer, fit on generators from a data module the folder does not hold.
import argparse

import tensorflow as tf

from darknet53 import YOLOv3
from data_utils.data_flow import get_train_test_data  # VOC generators, not in this folder
from losses.yolo_loss import YOLOLoss  # not in this folder
from utils.config_processing import load_config  # yaml reader, not in this folder
from yolo import YOLO


def train(file_config):
    config = load_config(file_config)
    train_config, model_config = config['Train'], config['Model']
    architecture = YOLOv3(num_classes=len(config['Dataset']['classes']),
                          anchors=model_config['anchors'], anchor_masks=model_config['anchor_masks'])
    model = YOLO(architecture, image_size=model_config['input_shape'])
    train_generator, valid_generator = get_train_test_data(config['Dataset'], model_config,
                                                           batch_size=train_config['batch_size'])
    losses = [YOLOLoss(model_config['anchors'], model_config['anchor_masks'])]
    optimizer = tf.keras.optimizers.SGD(learning_rate=1e-3, momentum=0.937, nesterov=True)
    model.compile(optimizer=optimizer, loss=losses)
    model.fit(train_generator, validation_data=valid_generator,
              epochs=train_config['epoch']['end'], initial_epoch=train_config['epoch']['start'])
    model.architecture.save_weights(train_config['save_weight_path'] + '/best_weights')


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--config', type=str, default='./configs/yolov3.yaml')
    train(parser.parse_args().config)
