# Idiom seen in: qubvel/segmentation_models examples/binary_segmentation_intro.py
# Idiom seen in: qubvel/segmentation_models segmentation_models/utils.py
# What it reproduces: binary road segmentation with an FPN from the segmentation_models package; L2 is
#   added after construction through the workspace's set_regularization (which rebuilds the model), then
#   compile/fit adds model.losses to the Dice + focal loss (clean).
import argparse
import segmentation_models as sm
from tensorflow import keras
from sm_utils import set_regularization
from dataset import Dataset, Dataloder, get_training_augmentation, get_preprocessing


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--backbone', default='efficientnetb3')
    parser.add_argument('--data_dir', default='./data/CamVid/')
    parser.add_argument('--batch_size', type=int, default=8)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--l2', type=float, default=1e-5)
    parser.add_argument('--epochs', type=int, default=40)
    return parser.parse_args()


def main():
    args = parse_args()
    preprocess_input = sm.get_preprocessing(args.backbone)
    model = sm.FPN(args.backbone, classes=1, activation='sigmoid', encoder_weights='imagenet')
    model = set_regularization(model,
                               kernel_regularizer=keras.regularizers.l2(args.l2),
                               bias_regularizer=None)

    dice_loss = sm.losses.DiceLoss()
    focal_loss = sm.losses.BinaryFocalLoss()
    total_loss = dice_loss + (1 * focal_loss)
    model.compile(keras.optimizers.Adam(args.lr), total_loss,
                  [sm.metrics.IOUScore(threshold=0.5), sm.metrics.FScore(threshold=0.5)])

    train_dataset = Dataset(args.data_dir + 'train', args.data_dir + 'trainannot', classes=['car'],
                            augmentation=get_training_augmentation(),
                            preprocessing=get_preprocessing(preprocess_input))
    valid_dataset = Dataset(args.data_dir + 'val', args.data_dir + 'valannot', classes=['car'],
                            preprocessing=get_preprocessing(preprocess_input))
    train_dataloader = Dataloder(train_dataset, batch_size=args.batch_size, shuffle=True)
    valid_dataloader = Dataloder(valid_dataset, batch_size=1, shuffle=False)

    callbacks = [keras.callbacks.ModelCheckpoint('./best_model.h5', save_weights_only=True,
                                                 save_best_only=True, mode='min'),
                 keras.callbacks.ReduceLROnPlateau()]
    model.fit(train_dataloader, steps_per_epoch=len(train_dataloader), epochs=args.epochs,
              callbacks=callbacks, validation_data=valid_dataloader,
              validation_steps=len(valid_dataloader))


if __name__ == '__main__':
    main()
