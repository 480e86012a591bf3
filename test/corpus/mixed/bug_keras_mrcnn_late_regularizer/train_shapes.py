# Idiom seen in: matterport/Mask_RCNN samples/shapes (train_shapes notebook) and issue #1013
# What it reproduces: after MaskRCNN(...) has built keras_model, the training script tries to regularize the overfitting RPN box head by assigning kernel_regularizer on the nested layer, then calls model.train(). Bug: the layer is already built, so the assignment creates no loss; compile() only re-adds its own hand-written L2 (WD106).
import os

from keras import regularizers

from mrcnn.config import Config
from mrcnn import model as modellib
from shapes import ShapesDataset, data_generator

ROOT_DIR = os.path.abspath("../../")
MODEL_DIR = os.path.join(ROOT_DIR, "logs")
COCO_MODEL_PATH = os.path.join(ROOT_DIR, "mask_rcnn_coco.h5")


class ShapesConfig(Config):
    NAME = "shapes"
    IMAGES_PER_GPU = 8
    NUM_CLASSES = 1 + 3
    STEPS_PER_EPOCH = 100
    VALIDATION_STEPS = 5


def main():
    config = ShapesConfig()
    dataset_train = ShapesDataset()
    dataset_train.load_shapes(500, config.BATCH_SIZE)
    dataset_train.prepare()
    dataset_val = ShapesDataset()
    dataset_val.load_shapes(50, config.BATCH_SIZE)
    dataset_val.prepare()

    model = modellib.MaskRCNN(mode="training", config=config, model_dir=MODEL_DIR)
    model.keras_model.load_weights(COCO_MODEL_PATH, by_name=True)

    # val_rpn_bbox_loss overfits quickly: put a stronger L2 on the box regressor
    rpn = model.keras_model.get_layer(name="rpn_model")
    rpn.get_layer("rpn_bbox_pred").kernel_regularizer = regularizers.l2(0.005)  # expect: WD106

    model.train(data_generator(dataset_train, config, shuffle=True),
                data_generator(dataset_val, config),
                learning_rate=config.LEARNING_RATE, epochs=10)


if __name__ == '__main__':
    main()
