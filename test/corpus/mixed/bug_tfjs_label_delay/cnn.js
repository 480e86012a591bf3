// Idiom seen in: botcs/label-delay cnn.js
// Idiom seen in: botcs/label-delay demo/demo_fast.js
// What it reproduces: in-browser online learner: a CNN whose conv/dense layers carry kernelRegularizer, trained with a
// custom optimizer.minimize over the cross entropy only, so the regularizer terms never reach the loss (WD103).
function convBlock(input, filters, kernelSize = 3, strides = 1, downsample = false) {
    let conv = tf.layers.conv2d({
        filters: filters,
        kernelSize: kernelSize,
        strides: strides,
        padding: 'same',
        activation: 'selu',
        kernelInitializer: 'varianceScaling',
        kernelRegularizer: tf.regularizers.l2({l2: 1e-4}), // expect: WD103
    }).apply(input);
    if (downsample) {
        conv = tf.layers.maxPooling2d({poolSize: [2, 2], strides: [2, 2]}).apply(conv);
    }
    return conv;
}

function CNN(inputShape, numClasses, width = 32) {
    const input = tf.input({shape: inputShape, dataFormat: 'channelsLast'});
    let x = convBlock(input, width, 5);
    x = convBlock(x, width, 3, 1, true);
    x = convBlock(x, width * 2, 3, 1, true);
    x = tf.layers.globalAveragePooling2d({dataFormat: 'channelsLast'}).apply(x);
    const feat = tf.layers.dense({
        units: 64,
        activation: 'selu',
        kernelInitializer: 'heNormal',
        kernelRegularizer: tf.regularizers.l2({l2: 1e-4}), // expect: WD103
    }).apply(x);
    const logits = tf.layers.dense({units: numClasses}).apply(feat);
    return tf.model({inputs: input, outputs: [logits, feat]});
}

export { CNN };
