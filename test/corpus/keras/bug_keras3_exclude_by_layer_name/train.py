# Idiom seen in: edwardyehuang/iSeg (training entry that builds the optimizer and applies the no-decay list; file path not shown by the code index)
# What it reproduces: Keras 3 training driven by absl flags: model from model_builder.py, decoupled AdamW with
#   weight_decay=FLAGS.weight_decay, the layer-name exclusion helper, compile + fit on a dataset module that is
#   not in the workspace.
# label-note: WD203 on the weight_decay= line: with Keras 3 only the "bias" entry of the exclusion list matches a
#   variable name, so BatchNormalization and LayerNormalization gamma/beta are still decayed. AdamW is decoupled
#   (no WD202) and there are no kernel regularizers (no WD201).
import keras
from absl import app, flags

from datasets import load_segmentation_dataset
from model_builder import build_seg_model
from weight_decay_utils import exclude_no_weight_decay_layers_in_optimizer

FLAGS = flags.FLAGS
flags.DEFINE_string("dataset", "cityscapes", "Dataset name")
flags.DEFINE_integer("num_classes", 19, "Number of classes")
flags.DEFINE_integer("batch_size", 8, "Global batch size")
flags.DEFINE_integer("epochs", 100, "Epochs")
flags.DEFINE_float("lr", 6e-5, "Peak learning rate")
flags.DEFINE_float("weight_decay", 0.01, "Decoupled weight decay")


def main(argv):
    del argv
    train_ds, val_ds, steps_per_epoch = load_segmentation_dataset(FLAGS.dataset, FLAGS.batch_size)
    model = build_seg_model(FLAGS.num_classes)
    schedule = keras.optimizers.schedules.PolynomialDecay(FLAGS.lr, FLAGS.epochs * steps_per_epoch, 0.0, power=1.0)
    optimizer = keras.optimizers.AdamW(
        learning_rate=schedule,
        weight_decay=FLAGS.weight_decay,  # expect: WD203
        beta_1=0.9,
        beta_2=0.999,
    )
    excluded = exclude_no_weight_decay_layers_in_optimizer(model, optimizer)
    print("no weight decay for:", excluded)
    model.compile(
        optimizer=optimizer,
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=255),
        metrics=[keras.metrics.MeanIoU(FLAGS.num_classes, sparse_y_pred=False, ignore_class=255)],
    )
    model.fit(train_ds, validation_data=val_ds, epochs=FLAGS.epochs)


if __name__ == "__main__":
    app.run(main)
