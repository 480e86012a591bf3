# Idiom seen in: Max1993Liu/tensorflow2-models Recommendation/DeepFM/DeepFM_tf2.py
# What it reproduces: the repository's functional DeepFM build_model(); realistic mistake: an l2_reg option is added to the
#   embedding and Dense layers, then the model is trained in a GradientTape loop whose loss leaves out model.losses.
import argparse
import tensorflow as tf

from DeepFM_tf2 import build_model
from DataReader import FeatureDictionary, DataParser, load_data


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument('--epochs', type=int, default=10)
    p.add_argument('--batch_size', type=int, default=1024)
    p.add_argument('--lr', type=float, default=1e-3)
    p.add_argument('--l2_reg', type=float, default=1e-4)
    return p.parse_args()


def main(args):
    dfTrain, dfTest, numeric_cols, ignore_cols = load_data()
    fd = FeatureDictionary(dfTrain=dfTrain, dfTest=dfTest, numeric_cols=numeric_cols, ignore_cols=ignore_cols)
    Xi, Xv, y = DataParser(feat_dict=fd).parse(df=dfTrain, has_label=True)

    model = build_model(feature_size=fd.feat_dim, field_size=len(Xi[0]), l2_reg=args.l2_reg)
    optimizer = tf.keras.optimizers.Adam(args.lr)
    bce = tf.keras.losses.BinaryCrossentropy()
    auc = tf.keras.metrics.AUC()
    dataset = tf.data.Dataset.from_tensor_slices(((Xi, Xv), y)).shuffle(10000).batch(args.batch_size)

    @tf.function
    def train_step(xi, xv, label):
        with tf.GradientTape() as tape:
            pred = model([xi, xv], training=True)
            loss = bce(label, pred)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        auc.update_state(label, pred)
        return loss

    for epoch in range(args.epochs):
        for (xi, xv), label in dataset:
            loss = train_step(xi, xv, label)
        print('epoch %d loss %.4f auc %.4f' % (epoch, float(loss), float(auc.result())))
        auc.reset_states()


if __name__ == '__main__':
    main(get_args())
